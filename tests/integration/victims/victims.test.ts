import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import type { ApiVersion } from '../../../electron/core/simulator/v11-routes';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { until } from '../../helpers/until';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function aWorld(apiVersion: ApiVersion) {
  const sim: Simulator = await startSimulator({ clients: 40, seed: 3, run: false, apiVersion });
  cleanups.push(() => sim.close());
  sim.advanceTo(new Date(sim.now().getTime() + 5 * 60_000));
  const core = await consoleOn(sim, 'supervisor1', cleanups);
  const client = [...sim.state.clients.values()].find((c) =>
    c.flags.includes('victim_protection'),
  )!;
  return { sim, core, client };
}

const shown = (core: ConsoleCore) => call(core, 'victims.shown', {});
const audited = async (core: ConsoleCore, action: string) =>
  (await call(core, 'audit.list', { action })).items;

describe('victim protection (central API 1.1 victim_units)', () => {
  it('shows a band, never the victim, until a proximity alert; then the victim, audited, until it is resolved', async () => {
    const { sim, core, client } = await aWorld('1.1');
    const order = [...sim.state.protectionOrders.values()].find((o) => o.clientId === client.id)!;
    const protection = await until(
      () => call(core, 'victims.protection', { clientId: client.id }),
      (p) => p.orders.length === 1,
    );
    expect(protection.offered).toBe(true);
    expect(protection.orders[0]).toMatchObject({
      orderId: order.id,
      alertDistanceM: 500,
      warnDistanceM: 1000,
    });
    expect(protection.orders[0]).not.toHaveProperty('distanceM');
    expect(await shown(core)).toEqual({ victims: [] });

    sim.victims.approach(order.id);
    const alert = [...sim.state.alerts.values()].find(
      (a) => a.type === 'victim_proximity' && a.orderId === order.id,
    )!;
    expect(alert).toMatchObject({ clientId: client.id, severity: 'critical', zoneId: null });
    const during = await until(
      () => shown(core),
      (s) => s.victims.length === 1 && s.victims[0]!.position !== null,
    );
    const victimFix = sim.state.victimPositions.get(order.id)!.at(-1)!;
    expect(during.victims[0]).toMatchObject({
      orderId: order.id,
      alertId: alert.id,
      alertDistanceM: 500,
      position: { lat: victimFix.lat, lon: victimFix.lon },
    });
    expect((await call(core, 'victims.protection', { clientId: client.id })).orders[0]!.band).toBe(
      'alert',
    );
    // Seen once per operator and order, with the alert it was shown for.
    expect(await audited(core, 'victim_position.view')).toMatchObject([
      { subjectType: 'victim_position', subjectId: order.id, detail: { alertId: alert.id } },
    ]);
    // The victim's fixes are never a client's: no trail, no last fix of theirs on the map.
    const trail = await call(core, 'clients.trail', { clientId: client.id, hours: 2 });
    const victimAt = Date.parse(victimFix.at);
    expect(
      trail.at.some(
        (at, i) =>
          at === victimAt && trail.lat[i] === victimFix.lat && trail.lon[i] === victimFix.lon,
      ),
    ).toBe(false);

    // Cleared is not enough: the victim stays shown until a referent resolves the alert.
    sim.victims.separate(order.id);
    await until(
      () => call(core, 'alerts.detail', { alertId: alert.id }),
      (d) => d.item.alert.clearedAt !== null,
    );
    expect((await shown(core)).victims).toHaveLength(1);
    const current = sim.state.alerts.get(alert.id)!;
    sim.state.update(sim.state.alerts, 'alert', {
      ...current,
      state: 'resolved',
      resolvedAt: sim.now().toISOString(),
      resolution: { code: 'false_alarm', note: 'Victim confirmed by phone: far apart' },
    });
    await until(
      () => shown(core),
      (s) => s.victims.length === 0,
    );
  });

  it('against a 1.0 service holds no orders and says the feature is not offered', async () => {
    const { core, client } = await aWorld('1.0');
    const protection = await call(core, 'victims.protection', { clientId: client.id });
    expect(protection).toEqual({ orders: [], offered: false });
    expect(await shown(core)).toEqual({ victims: [] });
  });
});
