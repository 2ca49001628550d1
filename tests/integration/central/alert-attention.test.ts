import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until';
import { call } from '../../helpers/call';
import type { Alert } from '../../../shared/central/records';
import type { AlertQueueItem } from '../../../shared/domain/alerts';
import type { SlaBreach } from '../../../shared/domain/attention';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { cacheFileFor } from '../../../electron/core/db/cache-file';
import { openDatabase } from '../../../electron/core/db/open-database';
import type { ApiVersion } from '../../../electron/core/simulator/v11-routes';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { tempDir } from '../../helpers/temp-dir';

let sim: Simulator;
const cores: ConsoleCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await sim?.close();
});

/** A console whose clock the test sets: `clock.at` is the console's now. */
async function consoleAt(username: string, clock: { at: number }) {
  const dir = tempDir();
  const core = await createConsoleCore({
    dataDir: dir,
    mode: 'headless',
    central: sim.url,
    now: () => new Date(clock.at),
    slaCheckMs: 20,
    logError: () => undefined,
  });
  cores.push(core);
  const announced: SlaBreach[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'alerts.breached')
      announced.push(...(payload as { breaches: SlaBreach[] }).breaches);
  });
  /**
   * The breaches announced for the alerts the test raised. The world has its own: a simulator
   * started in an hour's first minute reports batteries at once, and one may already be low.
   */
  const breachesOf = (...alerts: Alert[]) =>
    announced.filter((b) => alerts.some((alert) => alert.id === b.alertId));
  await core.dispatch('session.login', { username, password: TRAINING_PASSWORD });
  const queue = async () => (await call(core, 'alerts.queue', {})).items;
  const audit = (action: string) => {
    const db = openDatabase(cacheFileFor(dir, sim.url));
    try {
      return db
        .prepare(
          'SELECT operator_id AS who, subject_id AS subject, detail FROM audit_log WHERE action = ?',
        )
        .all(action) as { who: string | null; subject: string; detail: string }[];
    } finally {
      db.close();
    }
  };
  return { core, breachesOf, queue, audit };
}

async function startSim(apiVersion: ApiVersion = '1.1') {
  sim = await startSimulator({ clients: 20, seed: 5, run: false, apiVersion });
  return [...sim.state.clients.values()][0]!.id;
}

const lineOf = (items: AlertQueueItem[], alert: Alert) =>
  items.find((item) => item.alert.id === alert.id);

describe('SLA targets, suppression and mute in the console core', () => {
  it('records each missed target once, with its audit entry, and announces it', async () => {
    const clientId = await startSim();
    const alert = sim.raise({ clientId, type: 'exclusion_entry', severity: 'critical' });
    const clock = { at: Date.parse(alert.raisedAt) + 30_000 };
    const a = await consoleAt('referent1', clock);
    await until(a.queue, (items) => lineOf(items, alert) !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.breachesOf(alert)).toEqual([]); // 30 s in: the 60 s claim target still stands

    clock.at = Date.parse(alert.raisedAt) + 61_000;
    await until(
      () => a.breachesOf(alert),
      (list) => list.length > 0,
    );
    expect(a.breachesOf(alert)).toMatchObject([
      { alertId: alert.id, due: 'claim', severity: 'critical' },
    ]);
    expect(lineOf(await a.queue(), alert)?.breached).toEqual(['claim']);
    await new Promise((resolve) => setTimeout(resolve, 200)); // many more checks
    expect(a.breachesOf(alert)).toHaveLength(1);
    expect(a.audit('alert.sla_breach').filter((e) => e.subject === alert.id)).toHaveLength(1);

    // Claimed late: the next target is resolving within 15 minutes of being raised.
    await a.core.dispatch('alerts.act', {
      alertId: alert.id,
      kind: 'claim',
      payload: {},
      expectedVersion: alert.version,
    });
    await until(a.queue, (items) => lineOf(items, alert)?.alert.state === 'claimed');
    clock.at = Date.parse(alert.raisedAt) + 15 * 60_000 + 1000;
    await until(
      () => a.breachesOf(alert),
      (list) => list.length > 1,
    );
    expect(a.breachesOf(alert).map((b) => b.due)).toEqual(['claim', 'resolve']);
  });

  it('lets only a supervisor suppress, with a reason; suppressed alerts are kept, marked and not escalated (1.0: this console only)', async () => {
    const clientId = await startSim('1.0');
    // The consoles' clock is the service's, moved on when the test says.
    const clock = {
      offset: 0,
      get at() {
        return sim.state.now().getTime() + this.offset;
      },
    };
    const referent = await consoleAt('referent1', clock);
    const supervisor = await consoleAt('supervisor1', clock);
    const input = {
      clientId,
      type: 'strap_tamper' as const,
      minutes: 30,
      reason: 'Strap being replaced',
    };
    await expect(referent.core.dispatch('alerts.suppress', input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      supervisor.core.dispatch('alerts.suppress', { ...input, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      supervisor.core.dispatch('alerts.suppress', { ...input, minutes: 180 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const made = await call(supervisor.core, 'alerts.suppress', input);
    expect(made).toMatchObject({ shared: false, queued: null });
    const suppression = made.suppression!;
    expect(Date.parse(suppression.until) - Date.parse(suppression.from)).toBe(30 * 60_000);
    expect(supervisor.audit('alert.suppress')).toMatchObject([
      { who: 'supervisor1', subject: clientId },
    ]);

    const quiet = sim.raise({ clientId, type: 'strap_tamper', severity: 'critical' });
    const loud = sim.raise({ clientId, type: 'battery_low', severity: 'medium' });
    const items = await until(supervisor.queue, (list) => lineOf(list, loud) !== undefined);
    expect(lineOf(items, quiet)?.suppression).toMatchObject({ reason: 'Strap being replaced' });
    expect(lineOf(items, loud)?.suppression).toBeNull();

    // Past the claim target: the suppressed alert is not escalated, the other one is.
    clock.offset = 16 * 60_000;
    await until(
      () => supervisor.breachesOf(quiet, loud),
      (list) => list.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(supervisor.breachesOf(quiet, loud).map((b) => b.alertId)).toEqual([loud.id]);

    // Lifted: what is raised from now on is loud again; what was raised under it stays marked.
    clock.offset = 0;
    await supervisor.core.dispatch('alerts.liftSuppression', { id: suppression.id });
    await expect(
      supervisor.core.dispatch('alerts.liftSuppression', { id: suppression.id }),
    ).rejects.toMatchObject({ code: 'not_in_force' });
    expect(await supervisor.core.dispatch('alerts.suppressions', {})).toEqual({
      items: [],
      shared: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = sim.raise({ clientId, type: 'strap_tamper', severity: 'critical' });
    const later = await until(supervisor.queue, (list) => lineOf(list, after) !== undefined);
    expect(lineOf(later, after)?.suppression).toBeNull();
    expect(lineOf(later, quiet)?.suppression).not.toBeNull();
  });

  it('1.1: a suppression made on one console reaches the service and silences the next alert on another', async () => {
    const clientId = await startSim('1.1');
    const clock = {
      offset: 0,
      get at() {
        return sim.state.now().getTime() + this.offset;
      },
    };
    const supervisor = await consoleAt('supervisor1', clock);
    const referent = await consoleAt('referent1', clock);
    expect((await call(referent.core, 'alerts.suppressions', {})).shared).toBe(true);
    const made = await call(supervisor.core, 'alerts.suppress', {
      clientId,
      type: 'strap_tamper',
      minutes: 30,
      reason: 'Strap being replaced at the office',
    });
    expect(made).toMatchObject({ shared: true, suppression: null });
    expect(supervisor.audit('alert.suppress')).toMatchObject([
      { who: 'supervisor1', subject: clientId },
    ]);
    // Sent through the outbox; the service holds it, and the referent's console hears of it.
    const held = await until(
      () => [...sim.state.suppressions.values()],
      (list) => list.length === 1,
    );
    expect(held[0]).toMatchObject({
      clientId,
      alertType: 'strap_tamper',
      createdBy: 'supervisor1',
    });
    const heard = await until(
      () => call(referent.core, 'alerts.suppressions', {}),
      (list) => list.items.length === 1,
    );
    expect(heard.items[0]).toMatchObject({ serviceId: held[0]!.id, reason: held[0]!.reason });

    // The next strap alert is raised marked; the referent's console keeps it quiet and unescalated.
    const quiet = sim.raise({ clientId, type: 'strap_tamper', severity: 'critical' });
    const loud = sim.raise({ clientId, type: 'battery_low', severity: 'medium' });
    expect(quiet.suppressedBy).toBe(held[0]!.id);
    const items = await until(referent.queue, (list) => lineOf(list, loud) !== undefined);
    expect(lineOf(items, quiet)?.suppression).toMatchObject({ reason: held[0]!.reason });
    expect(lineOf(items, loud)?.suppression).toBeNull();
    clock.offset = 16 * 60_000;
    await until(
      () => referent.breachesOf(quiet, loud),
      (list) => list.length > 0,
    );
    expect(referent.breachesOf(quiet, loud).map((b) => b.alertId)).toEqual([loud.id]);

    // Lifted on the supervisor's console: lifted at the service, for the referent too.
    clock.offset = 0;
    const local = heard.items[0]!.id;
    const supervisorCopy = await until(
      () => call(supervisor.core, 'alerts.suppressions', {}),
      (list) => list.items.length === 1,
    );
    await call(supervisor.core, 'alerts.liftSuppression', { id: supervisorCopy.items[0]!.id });
    await until(
      () => call(referent.core, 'alerts.suppressions', {}),
      (list) => list.items.length === 0,
    );
    expect(sim.state.suppressions.get(held[0]!.id)).toMatchObject({ liftedBy: 'supervisor1' });
    expect(local).toBeGreaterThan(0);
    // A referent may not lift it either.
    await expect(
      referent.core.dispatch('alerts.liftSuppression', { id: local }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('mutes for a set time only, recorded, and refuses an endless mute', async () => {
    await startSim();
    const clock = { at: Date.parse('2026-11-22T03:00:00.000Z') };
    const a = await consoleAt('referent1', clock);
    await expect(a.core.dispatch('attention.mute', { minutes: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(a.core.dispatch('attention.mute', { minutes: 61 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const muted = await call(a.core, 'attention.mute', { minutes: 15 });
    expect(muted).toEqual({ mutedUntil: '2026-11-22T03:15:00.000Z', mutedBy: 'referent1' });
    expect(a.audit('attention.mute')).toMatchObject([{ who: 'referent1' }]);
    clock.at += 15 * 60_000;
    expect(await a.core.dispatch('attention.get', {})).toEqual({ mutedUntil: null, mutedBy: null });
    await a.core.dispatch('attention.mute', { minutes: 5 });
    await a.core.dispatch('attention.unmute', {});
    expect(a.audit('attention.unmute')).toHaveLength(1);
    // Headless has no desktop shell: the page shows the notification itself.
    expect(
      await a.core.dispatch('attention.notify', { title: 'Alert', body: 'x', tag: 'AL1' }),
    ).toEqual({ shown: false });
  });
});
