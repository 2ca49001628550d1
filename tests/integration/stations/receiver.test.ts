import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import type { ApiVersion } from '../../../electron/core/simulator/v11-routes';
import type { Device } from '../../../shared/central/records';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { stationOnPty, until } from './station-bench';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * An office check-in point: a receiver attached to console A hears a client's RF tag. Console B
 * is another referent's, on the same service.
 */
async function checkInPoint(apiVersion: ApiVersion) {
  const sim = await startSimulator({ clients: 30, seed: 21, run: false, apiVersion });
  cleanups.push(() => sim.close());
  const tag = [...sim.state.devices.values()].find((d): d is Device => d.kind === 'rf_tag')!;
  const { pty, emulator } = await stationOnPty(cleanups, {
    tags: [{ id: tag.serial, distanceM: 4, batteryPct: 80, strap: 'OK' }],
  });
  const a = await consoleOn(sim, 'admin1', cleanups);
  await call(a, 'stations.connect', { path: pty.consolePath, mode: 'receiver' });
  await call(a, 'stations.send', { line: `PAIR,${tag.serial}` });
  // The receiver stays attached while the operators on duty change.
  await call(a, 'session.logout', {});
  await call(a, 'session.login', { username: 'referent1', password: TRAINING_PASSWORD });
  const b = await consoleOn(sim, 'referent2', cleanups);
  return { sim, tag, emulator, a, b };
}

const strapAlertOf = (core: ConsoleCore, tag: Device) => async () =>
  (await call(core, 'alerts.queue', {})).items.find(
    (item) => item.alert.type === 'strap_tamper' && item.alert.deviceId === tag.id,
  );

describe('the live receiver', () => {
  it('reports a strap opened at the receiver to the service, and a second console works it', async () => {
    const { tag, emulator, a, b } = await checkInPoint('1.1');
    expect((await call(a, 'stations.state', {})).alertsReach).toBe('shared');
    emulator.setStrap(tag.serial, 'OPEN');
    const seenByB = await until(
      strapAlertOf(b, tag),
      (item) => item !== undefined,
      'B sees it',
      10_000,
    );
    expect(seenByB!.alert).toMatchObject({
      clientId: tag.clientId,
      source: 'console',
      state: 'open',
      clearedAt: null,
    });
    expect(seenByB!.alert.id.startsWith('LOCAL-')).toBe(false);

    emulator.setStrap(tag.serial, 'OK');
    const cleared = await until(
      strapAlertOf(b, tag),
      (item) => typeof item?.alert.clearedAt === 'string',
      'cleared',
      10_000,
    );
    // Cleared, not resolved: it waits in the queue for a referent.
    expect(cleared!.alert.state).toBe('open');
    await call(b, 'alerts.act', {
      alertId: cleared!.alert.id,
      kind: 'claim',
      payload: {},
      expectedVersion: cleared!.alert.version,
    });
    await until(
      strapAlertOf(a, tag),
      (item) => item?.alert.claimedBy === 'referent2',
      'A sees the claim',
      10_000,
    );
    const devices = await call(a, 'session.logout', {}).then(async () => {
      await call(a, 'session.login', { username: 'technician1', password: TRAINING_PASSWORD });
      return call(a, 'devices.list', {});
    });
    expect(devices.find((d) => d.id === tag.id)?.heard).toMatchObject({ strap: 'OK' });
  }, 40_000);

  it('keeps the alert on this console against a 1.0 service, and works it here', async () => {
    const { tag, emulator, a, b } = await checkInPoint('1.0');
    expect((await call(a, 'stations.state', {})).alertsReach).toBe('local');
    emulator.setStrap(tag.serial, 'CUT');
    const local = await until(
      strapAlertOf(a, tag),
      (item) => item !== undefined,
      'A raises it',
      10_000,
    );
    expect(local!.alert).toMatchObject({ source: 'console', state: 'open' });
    expect(local!.alert.id.startsWith('LOCAL-')).toBe(true);
    const claimed = await call(a, 'alerts.act', {
      alertId: local!.alert.id,
      kind: 'claim',
      payload: {},
      expectedVersion: local!.alert.version,
    });
    expect(claimed.id).toBe(0);
    const detail = await call(a, 'alerts.detail', { alertId: local!.alert.id });
    expect(detail.item.alert).toMatchObject({ state: 'claimed', claimedBy: 'referent1' });
    expect(detail.actions.map((action) => action.kind)).toEqual(['claim']);
    // Console B never hears of it: the 1.0 service has no such alert.
    expect(await strapAlertOf(b, tag)()).toBeUndefined();
    // The heartbeats that follow (still cut) raise nothing more.
    emulator.beat([tag.serial]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const strapAlerts = (await call(a, 'alerts.queue', {})).items.filter(
      (i) => i.alert.type === 'strap_tamper' && i.alert.deviceId === tag.id,
    );
    expect(strapAlerts).toHaveLength(1);
  }, 40_000);
});
