import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until';
import { call } from '../../helpers/call';
import type { ConsoleApiError } from '../../../shared/api/errors';
import type { Alert } from '../../../shared/central/records';
import type { OutboxView } from '../../../shared/domain/outbox';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { cacheFileFor } from '../../../electron/core/db/cache-file';
import { openDatabase } from '../../../electron/core/db/open-database';
import type { Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { simulatorWithOpenAlert } from '../../helpers/central';
import { tempDir } from '../../helpers/temp-dir';

let sim: Simulator;
const cores: ConsoleCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await sim.close();
});

async function signedInCore(username: string, dir = tempDir()) {
  const core = await createConsoleCore({
    dataDir: dir,
    mode: 'headless',
    central: sim.url,
    logError: () => undefined,
  });
  cores.push(core);
  const announced: OutboxView[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'outbox.changed') announced.push(payload as OutboxView);
  });
  await core.dispatch('session.login', { username, password: TRAINING_PASSWORD });
  return { core, dir, announced };
}

async function anOpenAlert(): Promise<Alert> {
  const scenario = await simulatorWithOpenAlert();
  sim = scenario.sim;
  return scenario.alert;
}

const claim = (alert: Alert) => ({
  alertId: alert.id,
  kind: 'claim' as const,
  payload: {},
  expectedVersion: alert.version,
});

function cachedAlert(dir: string, id: string): Alert | null {
  const db = openDatabase(cacheFileFor(dir, sim.url));
  try {
    const row = db.prepare('SELECT json FROM alerts WHERE id = ?').get(id) as
      { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Alert) : null;
  } finally {
    db.close();
  }
}

describe('operator actions through the console core', () => {
  it('queues an alert action with its audit entry, delivers it and caches the service’s answer', async () => {
    const alert = await anOpenAlert();
    const { core, dir, announced } = await signedInCore('referent1');
    const queued = await call(core, 'alerts.act', claim(alert));
    expect(queued.id).toBeGreaterThan(0);
    // Announced as pending, then announced again once delivered: the shell needs no polling.
    await until(
      async () => announced.at(-1),
      (view) => view !== undefined && view.items.length === 0,
    );
    expect((await call(core, 'outbox.list', {})).items).toEqual([]);
    expect(sim.state.alerts.get(alert.id)).toMatchObject({
      state: 'claimed',
      claimedBy: 'referent1',
    });
    expect(announced[0]?.items.map((item) => item.operation)).toEqual(['alert.action']);
    await core.close();
    cores.length = 0;
    expect(cachedAlert(dir, alert.id)).toMatchObject({ state: 'claimed', claimedBy: 'referent1' });
    const db = openDatabase(cacheFileFor(dir, sim.url));
    const audit = db
      .prepare(
        "SELECT operator_id, action, subject_id FROM audit_log WHERE action = 'alert.action'",
      )
      .all();
    db.close();
    expect(audit).toEqual([
      { operator_id: 'referent1', action: 'alert.action', subject_id: alert.id },
    ]);
  });

  it('shows a refusal with who holds the alert now, until the operator has read it', async () => {
    const alert = await anOpenAlert();
    const other = await signedInCore('referent2');
    await other.core.dispatch('alerts.act', claim(alert));
    await until(
      async () => sim.state.alerts.get(alert.id)!.state,
      (state) => state === 'claimed',
    );
    const mine = await signedInCore('referent1');
    // The referent acts on the version their screen shows, which already has the other claim:
    // the alert is in this console's cache before the action (a page shows only cached alerts).
    await until(
      async () => cachedAlert(mine.dir, alert.id)?.claimedBy,
      (holder) => holder === 'referent2',
    );
    await mine.core.dispatch('alerts.act', claim(sim.state.alerts.get(alert.id)!));
    const view = await until(
      async () => await call(mine.core, 'outbox.list', {}),
      (v) => v.items[0]?.state === 'rejected',
    );
    expect(view.items[0]!.refusal).toMatchObject({
      status: 409,
      message: 'Cannot claim: the alert is claimed by referent2',
      current: { id: alert.id, state: 'claimed', claimedBy: 'referent2' },
    });
    const after = await call(mine.core, 'outbox.markSeen', {
      id: view.items[0]!.id,
    });
    expect(after.items).toEqual([]);
  });

  it('refuses, before queueing, an action without a session, by the wrong role, or with bad input', async () => {
    const alert = await anOpenAlert();
    const core = await createConsoleCore({
      dataDir: tempDir(),
      mode: 'headless',
      central: sim.url,
      logError: () => undefined,
    });
    cores.push(core);
    const reason = (input: unknown) =>
      core.dispatch('alerts.act', input).then(
        () => 'accepted',
        (error: ConsoleApiError) => `${error.code}: ${error.message}`,
      );
    expect(await reason(claim(alert))).toBe('not_signed_in: Sign in first (alerts.act)');
    await core.dispatch('session.login', { username: 'technician1', password: TRAINING_PASSWORD });
    expect(await reason(claim(alert))).toBe('forbidden: Your role may not do this (alerts.act)');
    await core.dispatch('session.login', { username: 'referent1', password: TRAINING_PASSWORD });
    expect(await reason({ ...claim(alert), kind: 'resolve', payload: { code: 'maybe' } })).toMatch(
      /^invalid_input: .*payload.code/,
    );
    expect((await call(core, 'outbox.list', {})).items).toEqual([]);
  });

  it('holds a second move of an alert back while the first waits; notes still go', async () => {
    const alert = await anOpenAlert();
    const { core } = await signedInCore('referent1');
    sim.faults.failures = { remaining: 1_000_000, status: 503 };
    // Two claims at once (a double key press): one is queued, the other refused.
    const answers = await Promise.allSettled([
      core.dispatch('alerts.act', claim(alert)),
      core.dispatch('alerts.act', claim(alert)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = answers.find((answer) => answer.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as ConsoleApiError).code).toBe('move_waiting');
    expect((refused.reason as ConsoleApiError).params).toEqual({ kind: 'claim' });
    expect((refused.reason as ConsoleApiError).message).toBe(
      'A claim of this alert is still waiting to be sent',
    );
    await core.dispatch('alerts.act', {
      ...claim(alert),
      kind: 'note',
      payload: { text: 'calling the client' },
    });
    const view = await call(core, 'outbox.list', {});
    expect(view.items.map((item) => [item.kind, item.subjectId])).toEqual([
      ['claim', alert.id],
      ['note', alert.id],
    ]);
  });

  it('lists the queue with names and audits who opened an alert', async () => {
    const alert = await anOpenAlert();
    const { core, dir } = await signedInCore('referent1');
    const queue = await until(
      () => call(core, 'alerts.queue', {}),
      (q) => q.items.some((item) => item.alert.id === alert.id),
    );
    const item = queue.items.find((candidate) => candidate.alert.id === alert.id)!;
    expect(item).toMatchObject({ clientName: sim.state.clients.get(alert.clientId)!.displayName });
    await core.dispatch('alerts.detail', { alertId: alert.id });
    await core.dispatch('alerts.detail', { alertId: alert.id }); // a refresh: the same view
    const db = openDatabase(cacheFileFor(dir, sim.url));
    const views = db
      .prepare(
        `SELECT operator_id AS who FROM audit_log WHERE action = 'alert.view' AND subject_id = ?`,
      )
      .all(alert.id);
    db.close();
    expect(views).toEqual([{ who: 'referent1' }]);
  });
});
