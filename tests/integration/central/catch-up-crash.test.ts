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
import { runUntilBusyThenKill } from '../../helpers/kill';
import { tempDir } from '../../helpers/temp-dir';

const CHILD = join(import.meta.dirname, 'console-child.ts');
let sim: Simulator;
let console_: Console | null = null;

afterEach(async () => {
  if (console_) await stopConsole(console_);
  await sim.close();
});

/** Runs the child console until it is syncing, lets it go on for a moment, then SIGKILLs it. */

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
      await runUntilBusyThenKill(CHILD, [sim.url, dir], Math.floor(Math.random() * 150));
    }
    console_ = await startConsole(sim, dir);
    await waitForCatchUp(console_, sim, 60_000);
    expect(console_.client.stats.snapshots).toBe(0); // resumed from the cursor the killed runs left
    await expectCacheMatchesTruth(console_, sim);
  },
);
