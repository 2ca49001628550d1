import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import type { ApiVersion } from '../../../electron/core/simulator/v11-routes';
import type { Schedule, Zone } from '../../../shared/central/records';
import type { ZoneDraft } from '../../../shared/domain/zones';
import { offsetM } from '../../../shared/geo/distance';
import { call, callError } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { until } from '../../helpers/until';

// Zones made and changed on a console: checked before queueing, delivered through the outbox with
// their version, judged by the service from then on, and kept with who changed what.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function aWorld(apiVersion: ApiVersion = '1.1') {
  const sim: Simulator = await startSimulator({ clients: 30, seed: 5, run: false, apiVersion });
  cleanups.push(() => sim.close());
  sim.advanceTo(new Date(sim.now().getTime() + 60_000));
  const supervisor = await consoleOn(sim, 'supervisor1', cleanups);
  const [client, other] = [...sim.state.clients.values()].filter((c) =>
    sim.state.positions.has(c.id),
  );
  const at = sim.state.positions.get(client!.id)!.at(-1)!;
  // Somewhere 3 km from where the client is now.
  const away = offsetM(at, 45, 3000);
  return { sim, supervisor, client: client!, other: other!, away };
}

/** The zones the console holds for a client (its panel's list). */
async function zonesOf(core: ConsoleCore, clientId: string): Promise<Zone[]> {
  const detail = await call(core, 'clients.detail', { clientId });
  return detail.view === 'full' ? detail.zones : [];
}

const circle = (clientId: string, where: { lat: number; lon: number }): ZoneDraft => ({
  clientId,
  appliesTo: [],
  kind: 'exclusion',
  name: 'Victim’s street',
  geometry: { type: 'Circle', center: [where.lon, where.lat], radiusM: 250 },
  bufferM: 100,
  schedule: null,
});

/** The outbox item until it is no longer pending: delivered (gone from the list) or refused. */
async function settled(core: ConsoleCore, id: number) {
  const view = await until(
    () => call(core, 'outbox.list', {}),
    (v) => v.items.every((item) => item.id !== id || item.state === 'rejected'),
  );
  return view.items.find((item) => item.id === id) ?? null;
}

const serviceZone = (sim: Simulator, name: string) =>
  [...sim.state.zones.values()].find((zone) => zone.name === name);

describe('zone editing', () => {
  it('a new exclusion zone reaches the service, which raises exclusion_entry when the client goes in', async () => {
    const { sim, supervisor, client, away } = await aWorld();
    const queued = await call(supervisor, 'zones.save', circle(client.id, away));
    expect(queued.zoneId).toBeNull();
    expect(await settled(supervisor, queued.id)).toBeNull();
    const zone = serviceZone(sim, 'Victim’s street')!;
    expect(zone).toMatchObject({
      clientId: client.id,
      kind: 'exclusion',
      bufferM: 100,
      version: 1,
    });
    // The console has it too, from the delivery's answer and the stream.
    await until(
      () => zonesOf(supervisor, client.id),
      (zones) => zones.some((z) => z.id === zone.id),
    );

    sim.visit(client.id, away);
    const alert = [...sim.state.alerts.values()].find(
      (a) => a.clientId === client.id && a.zoneId === zone.id,
    );
    expect(alert).toMatchObject({ type: 'exclusion_entry', severity: 'critical' });
    await until(
      () => call(supervisor, 'alerts.queue', {}),
      (queue) => queue.items.some((item) => item.alert.id === alert!.id),
    );
  });

  it('refuses a bad zone with the reason and the field before anything is queued', async () => {
    const { supervisor, client, away } = await aWorld();
    const small = { ...circle(client.id, away), geometry: { ...circle(client.id, away).geometry } };
    (small.geometry as { radiusM: number }).radiusM = 30;
    const error = await callError(supervisor, 'zones.save', { ...small, bufferM: 10 });
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'geometry.radiusM',
      params: { problem: 'radius_small', radiusM: 30, minM: 50 },
    });
    const bowTie = {
      ...circle(client.id, away),
      bufferM: 0,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [24.1, 56.95],
            [24.11, 56.96],
            [24.11, 56.95],
            [24.1, 56.96],
            [24.1, 56.95],
          ] as [number, number][],
        ],
      },
    };
    expect(await callError(supervisor, 'zones.save', bowTie)).toMatchObject({
      code: 'invalid_input',
      params: { problem: 'self_intersection' },
    });
    expect(
      await callError(supervisor, 'zones.save', { ...circle(client.id, away), bufferM: 300 }),
    ).toMatchObject({ field: 'bufferM', params: { problem: 'buffer_wide', halfWidthM: 250 } });
    expect((await call(supervisor, 'outbox.list', {})).items).toEqual([]);
  });

  it('keeps every version with who changed what; a change made meanwhile elsewhere is refused with the zone as it stands', async () => {
    const { sim, supervisor, client, away } = await aWorld();
    const created = await call(supervisor, 'zones.save', circle(client.id, away));
    await settled(supervisor, created.id);
    const zone = serviceZone(sim, 'Victim’s street')!;
    await until(
      () => zonesOf(supervisor, client.id),
      (zones) => zones.some((z) => z.id === zone.id),
    );
    const { id: _id, version: _v, updatedAt: _u, ...fields } = zone;
    const wider = await call(supervisor, 'zones.save', {
      ...fields,
      bufferM: 150,
      zoneId: zone.id,
      expectedVersion: 1,
    });
    expect(wider.zoneId).toBe(zone.id);
    await settled(supervisor, wider.id);
    expect(sim.state.zones.get(zone.id)).toMatchObject({ version: 2, bufferM: 150 });

    // Another console renames it meanwhile (straight at the service).
    sim.state.update(sim.state.zones, 'zone', {
      ...sim.state.zones.get(zone.id)!,
      name: 'Renamed',
    });
    await until(
      () => zonesOf(supervisor, client.id),
      (zones) => zones.some((z) => z.id === zone.id && z.version === 3),
    );
    const stale = await call(supervisor, 'zones.save', {
      ...fields,
      bufferM: 50,
      zoneId: zone.id,
      expectedVersion: 2,
    });
    // The cache already holds version 3, but the change was made from 2: the service decides.
    const refused = await settled(supervisor, stale.id);
    expect(refused).toMatchObject({
      state: 'rejected',
      operation: 'zone.update',
      subjectId: zone.id,
    });
    expect(refused!.refusal).toMatchObject({ status: 409 });
    expect(refused!.refusal!.current as Zone).toMatchObject({
      id: zone.id,
      version: 3,
      name: 'Renamed',
      bufferM: 150,
    });
    expect(sim.state.zones.get(zone.id)).toMatchObject({ version: 3, bufferM: 150 });

    const history = await call(supervisor, 'zones.history', { zoneId: zone.id });
    expect(history.source).toBe('service');
    expect(
      history.items.map((item) => [item.version, item.changedBy, item.changed.join(',')]),
    ).toEqual([
      [3, null, 'name'],
      [2, 'supervisor1', 'bufferM'],
      [1, 'supervisor1', ''],
    ]);
    expect(history.items[2]!.validTo).toBe(history.items[1]!.validFrom);
    expect(history.items[0]!.validTo).toBeNull();
    const audit = await call(supervisor, 'audit.list', { action: 'zone.update' });
    expect(audit.items.map((entry) => entry.subjectId)).toEqual([zone.id, zone.id]);
    expect(
      (await call(supervisor, 'audit.list', { action: 'zone_history.view' })).items,
    ).toHaveLength(1);
  });

  it('an authorised absence stops the curfew alert that would otherwise be raised', async () => {
    const { sim, supervisor, client, other, away } = await aWorld();
    const otherAway = offsetM(sim.state.positions.get(other.id)!.at(-1)!, 90, 3000);
    // A curfew in force around the clock (noon to noon), at home, for both.
    const curfew = (clientId: string, where: { lat: number; lon: number }, schedule: Schedule) => ({
      ...circle(clientId, offsetM(where, 180, 3000)),
      kind: 'inclusion' as const,
      name: `Curfew ${clientId}`,
      schedule,
    });
    const rules = [
      { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '12:00' },
      { days: [1, 2, 3, 4, 5, 6, 7], start: '12:00', end: '00:00' },
    ];
    const now = sim.now().getTime();
    const absence = {
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 3_600_000).toISOString(),
      active: false,
      reason: 'Court hearing, Rīga city court (authorised: supervisor1)',
    };
    const a = await call(
      supervisor,
      'zones.save',
      curfew(client.id, away, { timezone: 'Europe/Riga', rules, exceptions: [absence] }),
    );
    const b = await call(
      supervisor,
      'zones.save',
      curfew(other.id, otherAway, { timezone: 'Europe/Riga', rules, exceptions: [] }),
    );
    await settled(supervisor, a.id);
    await settled(supervisor, b.id);

    sim.visit(client.id, away);
    sim.visit(other.id, otherAway);
    // Only the alerts of these zones (the clients' own homes may have curfews of their own).
    const curfewAlerts = (clientId: string) =>
      [...sim.state.alerts.values()].filter(
        (alert) =>
          alert.clientId === clientId &&
          alert.type === 'curfew_violation' &&
          sim.state.zones.get(alert.zoneId ?? '')?.name === `Curfew ${clientId}`,
      );
    expect(curfewAlerts(other.id)).toHaveLength(1);
    expect(curfewAlerts(client.id)).toHaveLength(0);
  });

  it('against a 1.0 service the history is the versions this console saw', async () => {
    const { sim, supervisor, client, away } = await aWorld('1.0');
    const created = await call(supervisor, 'zones.save', circle(client.id, away));
    await settled(supervisor, created.id);
    const zone = serviceZone(sim, 'Victim’s street')!;
    const history = await until(
      () => call(supervisor, 'zones.history', { zoneId: zone.id }),
      (h) => h.items.length === 1,
    );
    expect(history).toMatchObject({
      source: 'cache',
      items: [{ version: 1, changedBy: 'supervisor1' }],
    });
  });

  it('a referent may not change a zone: the core refuses, whatever the page offers', async () => {
    const { sim, client, away } = await aWorld();
    const referent = await consoleOn(sim, 'referent1', cleanups);
    expect(await callError(referent, 'zones.save', circle(client.id, away))).toMatchObject({
      code: 'forbidden',
    });
  });
});
