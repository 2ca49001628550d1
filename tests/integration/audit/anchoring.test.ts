import { execFile } from 'node:child_process';
import { call } from '../../helpers/call';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { cacheFileFor } from '../../../electron/core/db/cache-file';
import { openDatabase } from '../../../electron/core/db/open-database';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { dropAuditTriggers, forgeDeletion } from '../../helpers/audit-forgery';
import { tempDir } from '../../helpers/temp-dir';

const run = promisify(execFile);
let sim: Simulator | null = null;
let core: ConsoleCore | null = null;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = null;
});

const open = (dataDir: string) =>
  createConsoleCore({
    dataDir,
    mode: 'headless',
    central: sim!.url,
    auditTickMs: 30,
    logError: () => undefined,
  });
const status = async () => await call(core!, 'audit.status', {});

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** `npm run audit:verify`, as an operator runs it (against the test's simulator with `anchored`). */
async function verify(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'electron/core/audit/verify-cli.ts', ...args],
      {
        env: { ...process.env, SARGS_PASSWORD: TRAINING_PASSWORD },
      },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}
const anchored = (dataDir: string) =>
  verify(['--data-dir', dataDir, '--central', sim!.url, '--username', 'supervisor1']);

describe('audit anchoring with a 1.1 service', () => {
  it('sends the head at sign-in and after 1,000 rows; a rewritten log is caught at the next start and by audit:verify', async () => {
    sim = await startSimulator({ clients: 5, seed: 3, run: false });
    const dataDir = tempDir();
    core = await open(dataDir);
    await core.dispatch('session.login', { username: 'supervisor1', password: TRAINING_PASSWORD });
    const first = await until(status, (s) => s.anchoring.lastSentSeq !== null);
    expect(first.anchoring.available).toBe(true);
    // A thousand audited actions later, the head goes again.
    for (let i = 0; i < 1000; i += 1)
      await core.dispatch('settings.set', { theme: i % 2 === 0 ? 'light' : 'dark' });
    const second = await until(status, (s) => (s.anchoring.lastSentSeq ?? 0) >= 1000);
    expect(second.broken).toBeNull();
    // The console goes on after the anchor, so the forger's renumbered rows still reach its seq.
    for (const theme of ['light', 'dark', 'light'] as const)
      await core.dispatch('settings.set', { theme });
    await core.close();

    const cache = cacheFileFor(dataDir, sim.url);
    const clean = await anchored(dataDir);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/rows, chain intact; compared with 2 anchors/);

    // Someone with the file deletes row 5 and recomputes the chain.
    const db = openDatabase(cache);
    forgeDeletion(db, 5);
    db.close();
    const alone = await verify(['--data-dir', dataDir]);
    expect([alone.code, alone.out]).toEqual([
      0,
      expect.stringMatching(/chain intact; not compared with anchors/),
    ]);
    const forged = await anchored(dataDir);
    expect(forged.code).toBe(1);
    expect(forged.out).toContain(`BROKEN at row ${second.anchoring.lastSentSeq}: anchor mismatch`);

    // The console itself sees it once a session can ask the service: a banner and /health.
    core = await open(dataDir);
    await core.dispatch('session.login', { username: 'supervisor1', password: TRAINING_PASSWORD });
    const caught = await until(status, (s) => s.broken !== null);
    expect(caught.broken).toEqual({ seq: second.anchoring.lastSentSeq, reason: 'anchor_mismatch' });
    expect(await core.health(true)).toMatchObject({ audit: { intact: false } });
  }, 60_000);

  it('names an altered row from the chain alone', async () => {
    sim = await startSimulator({ clients: 5, seed: 3, run: false });
    const dataDir = tempDir();
    core = await open(dataDir);
    await core.dispatch('session.login', { username: 'referent1', password: TRAINING_PASSWORD });
    await core.dispatch('session.logout', {});
    await core.close();
    core = null;
    const cache = cacheFileFor(dataDir, sim.url);
    const db = openDatabase(cache);
    dropAuditTriggers(db);
    db.exec("UPDATE audit_log SET operator_id = 'nobody' WHERE seq = 1");
    db.close();
    copyFileSync(cache, join(dataDir, 'copy.db'));
    const result = await verify(['--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('BROKEN at row 1: altered');
  }, 30_000);
});

describe('audit anchoring with a 1.0 service', () => {
  it('says anchoring is unavailable, in the console and in audit:verify', async () => {
    sim = await startSimulator({ clients: 5, seed: 3, run: false, apiVersion: '1.0' });
    const dataDir = tempDir();
    core = await open(dataDir);
    await core.dispatch('session.login', { username: 'supervisor1', password: TRAINING_PASSWORD });
    const known = await until(status, (s) => s.anchoring.available !== null);
    expect(known.anchoring).toMatchObject({ available: false, lastSentSeq: null });
    expect(known.broken).toBeNull();
    const result = await anchored(dataDir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('anchoring unavailable (the service speaks central API 1.0)');
  }, 30_000);
});
