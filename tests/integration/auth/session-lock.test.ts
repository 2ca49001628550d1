import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers/call';
import type { ClientView } from '../../../shared/domain/map';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { cacheFileFor } from '../../../electron/core/db/cache-file';
import { openDatabase } from '../../../electron/core/db/open-database';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { apiRejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/temp-dir';

let sim: Simulator;
let core: ConsoleCore;
let dataDir: string;
/** The console's monotonic clock, in ms: the test moves idle time on. */
const idle = { ms: 0 };
const MINUTE = 60_000;

afterEach(async () => {
  await core?.close();
  await sim?.close();
});

async function start(): Promise<void> {
  sim = await startSimulator({ clients: 6, seed: 7, run: false });
  dataDir = tempDir();
  idle.ms = 0;
  core = await createConsoleCore({
    dataDir,
    mode: 'headless',
    central: sim.url,
    monotonic: () => idle.ms,
    logError: () => undefined,
  });
}

const login = (username: string, password = TRAINING_PASSWORD) =>
  call(core, 'session.login', { username, password });
const session = () => call(core, 'session.get', {});

/** The audit log as rows of who, what and about whom. */
function audit(): {
  who: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}[] {
  const db = openDatabase(cacheFileFor(dataDir, sim.url));
  try {
    return (
      db
        .prepare(
          'SELECT operator_id AS who, action, subject_id AS subject, detail FROM audit_log ORDER BY seq',
        )
        .all() as {
        who: string | null;
        action: string;
        subject: string | null;
        detail: string;
      }[]
    ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

describe('the idle lock', () => {
  it('locks after the idle time, refuses all but the lock screen, and opens only for the same operator’s password', async () => {
    await start();
    await login('referent1');
    idle.ms = 9 * MINUTE;
    await core.dispatch('session.activity', {});
    idle.ms = 18 * MINUTE; // 9 minutes since the last input: still open
    await expect(core.dispatch('alerts.queue', {})).resolves.toBeDefined();
    idle.ms = 19.5 * MINUTE; // past 10 minutes
    expect((await apiRejection(core.dispatch('map.snapshot', {}))).code).toBe('locked');
    expect(await session()).toMatchObject({ locked: true, operator: { id: 'referent1' } });
    await expect(core.dispatch('attention.summary', {})).resolves.toMatchObject({
      open: expect.any(Number),
    });

    const wrong = await apiRejection(core.dispatch('session.unlock', { password: 'guess' }));
    expect(wrong.code).toBe('wrong_credentials');
    expect(await session()).toMatchObject({ locked: true });
    await expect(
      core.dispatch('session.unlock', { password: TRAINING_PASSWORD }),
    ).resolves.toMatchObject({ locked: false });
    await expect(core.dispatch('map.snapshot', {})).resolves.toBeDefined();

    const actions = audit().map((row) => `${row.who}:${row.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'referent1:session.lock',
        'referent1:session.unlock_failed',
        'referent1:session.unlock',
      ]),
    );
    expect(audit().find((row) => row.action === 'session.lock')?.detail).toEqual({
      reason: 'idle',
    });
  });

  it('opens with the password the console remembers while the service cannot be reached', async () => {
    await start();
    await login('referent1');
    await core.dispatch('session.lock', {});
    sim.faults.failures = { remaining: 1_000_000, status: 503 };
    expect((await apiRejection(core.dispatch('session.unlock', { password: 'guess' }))).code).toBe(
      'wrong_credentials',
    );
    await expect(
      core.dispatch('session.unlock', { password: TRAINING_PASSWORD }),
    ).resolves.toMatchObject({ locked: false });
    expect(audit().filter((row) => row.action === 'session.unlock')[0]?.detail).toEqual({
      checkedBy: 'console',
    });
  });

  it('lets another operator sign in on the lock screen, which ends the first session', async () => {
    await start();
    await login('referent1');
    await core.dispatch('session.lock', {});
    await expect(login('referent2')).resolves.toMatchObject({
      operator: { id: 'referent2' },
      locked: false,
    });
    expect(
      audit()
        .filter((row) => row.action === 'session.logout')
        .at(-1),
    ).toMatchObject({
      who: 'referent1',
      detail: { reason: 'replaced_while_locked', by: 'referent2' },
    });
  });

  it('ends the session after five wrong passwords', async () => {
    await start();
    await login('referent1');
    await core.dispatch('session.lock', {});
    for (let i = 0; i < 5; i += 1)
      await apiRejection(core.dispatch('session.unlock', { password: `guess-${i}` }));
    expect(await session()).toMatchObject({ operator: null, locked: false });
    expect(
      (await apiRejection(core.dispatch('session.unlock', { password: TRAINING_PASSWORD }))).code,
    ).toBe('not_signed_in');
  });
});

describe('the audit of views and actions', () => {
  it('records sign-ins (failed too), views of personal data, settings with old and new, purges and sign-outs, each by who did it', async () => {
    await start();
    await apiRejection(login('referent1', 'wrong-password'));
    await login('referent1');
    // Asked again and again until the cache has the service's snapshot: still one view.
    let snapshot = await call(core, 'map.snapshot', {});
    for (let tries = 0; tries < 200 && snapshot.clients.length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      snapshot = await call(core, 'map.snapshot', {});
    }
    const clientId = snapshot.clients[0]!.id;
    await core.dispatch('clients.trail', { clientId, hours: 2 });
    await core.dispatch('clients.detail', { clientId });
    await core.dispatch('settings.set', { trailHours: 4 });
    await login('admin1');
    await core.dispatch('settings.setCentre', { retentionDays: 30, idleLockMinutes: 5 });
    await core.dispatch('store.purge', {});
    await core.dispatch('session.logout', {});

    const rows = audit();
    const line = (action: string) => rows.filter((row) => row.action === action);
    expect(line('session.login_failed')).toEqual([
      {
        who: null,
        action: 'session.login_failed',
        subject: null,
        detail: { username: 'referent1' },
      },
    ]);
    // The whole map once per sign-in, however often it refreshes.
    expect(line('map.view')).toEqual([expect.objectContaining({ who: 'referent1' })]);
    expect(line('trail.view')).toEqual([
      expect.objectContaining({ who: 'referent1', subject: clientId, detail: { hours: 2 } }),
    ]);
    expect(line('client.view')).toEqual([
      expect.objectContaining({ who: 'referent1', subject: clientId }),
    ]);
    expect(line('settings.set')[0]?.detail).toEqual({
      changes: { trailHours: { old: 2, new: 4 } },
    });
    expect(line('settings.set_centre')[0]).toMatchObject({
      who: 'admin1',
      detail: {
        changes: { retentionDays: { old: 90, new: 30 }, idleLockMinutes: { old: 10, new: 5 } },
      },
    });
    expect(line('store.purge')[0]).toMatchObject({ who: 'admin1', detail: { retentionDays: 30 } });
    expect(line('session.login').map((row) => row.who)).toEqual(['referent1', 'admin1']);
    expect(line('session.logout').map((row) => [row.who, row.detail.reason])).toEqual([
      ['referent1', 'replaced'],
      ['admin1', 'operator'],
    ]);
  });

  it('gives a technician the commissioning view of a client, and records it so', async () => {
    await start();
    const clientId = [...sim.state.clients.keys()][0]!;
    await login('technician1');
    // Wait (up to 10 s, a loaded machine is slow) for the snapshot to reach the cache.
    let view: ClientView | null = null;
    for (let tries = 0; tries < 200 && !view; tries += 1) {
      view = (await core
        .dispatch('clients.detail', { clientId })
        .catch(() => null)) as ClientView | null;
      if (!view) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(view).toMatchObject({ view: 'commissioning', client: { id: clientId } });
    expect(Object.keys(view!.client).sort()).toEqual([
      'deviceIds',
      'displayName',
      'id',
      'installationAddress',
      'installationPosition',
    ]);
    expect(JSON.stringify(view)).not.toContain(sim.state.clients.get(clientId)!.caseNumber);
    expect(audit().find((row) => row.action === 'client.view')).toMatchObject({
      who: 'technician1',
      detail: { view: 'commissioning' },
    });
  });
});
