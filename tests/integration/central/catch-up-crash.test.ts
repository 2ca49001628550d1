import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import {
  expectCacheMatchesTruth,
  startConsole,
  stopConsole,
  waitForCatchUp,
  type Console,
} from '../../helpers/central';
import { tempDir } from '../../helpers/temp-dir';

const CHILD = join(import.meta.dirname, 'console-child.ts');
let sim: Simulator;
let console_: Console | null = null;

afterEach(async () => {
  if (console_) await stopConsole(console_);
  await sim.close();
});

/** Runs the child console until it is syncing, lets it go on for a moment, then SIGKILLs it. */
function runAndKill(dir: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, sim.url, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended (${code}): ${errors}`)),
    );
  });
}

it(
  'a console killed again and again during catch-up ends with nothing lost and nothing doubled',
  { timeout: 120_000 },
  async () => {
    sim = await startSimulator({
      clients: 120,
      seed: 5,
      start: new Date('2026-11-23T05:00:00.000Z'),
      run: false,
      heartbeatMs: 200,
    });
    sim.advanceTo(new Date('2026-11-23T09:00:00.000Z'));
    const dir = tempDir();
    for (let kill = 0; kill < 8; kill += 1) {
      sim.advanceTo(new Date(Date.parse('2026-11-23T09:00:00.000Z') + (kill + 1) * 3_600_000));
      await runAndKill(dir, Math.floor(Math.random() * 150));
    }
    console_ = await startConsole(sim, dir);
    await waitForCatchUp(console_, sim, 60_000);
    expect(console_.client.stats.snapshots).toBe(0); // resumed from the cursor the killed runs left
    await expectCacheMatchesTruth(console_, sim);
  },
);
