import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../electron/core/simulator/simulator';
import { offsetM } from '../../../shared/geo/distance';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { until } from '../../helpers/until';

// The approach warning for every client on the map: the core judges each client's newest fixes
// against their exclusion zones and tells the windows who is heading into one.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('approach watch', () => {
  it('flags a client walking straight at an exclusion zone, and not one passing it by', async () => {
    const sim = await startSimulator({ clients: 30, seed: 9, run: false });
    cleanups.push(() => sim.close());
    sim.advanceTo(new Date(sim.now().getTime() + 60_000));
    const core = await consoleOn(sim, 'referent1', cleanups);
    await until(
      () => call(core, 'map.snapshot', {}),
      (snapshot) => snapshot.clients.length === 30,
    );
    const [walker, passer] = [...sim.state.clients.values()].slice(0, 2);
    const start = { lat: 56.9, lon: 24.0 };
    // A zone 2 km north of the start, for both clients (a shared zone).
    const school = offsetM(start, 0, 2000);
    sim.state.create(sim.state.zones, 'zone', {
      id: 'Z-SCHOOL',
      version: 1,
      clientId: null,
      appliesTo: [walker!.id, passer!.id],
      kind: 'exclusion',
      name: 'School (drill)',
      geometry: { type: 'Circle', center: [school.lon, school.lat], radiusM: 200 },
      bufferM: 50,
      schedule: null,
      updatedAt: sim.now().toISOString(),
    });
    const now = Date.now();
    // Four fixes a minute apart, 100 m each (6 km/h): north for one, east for the other. They
    // reach the console as a live stream does, not in one burst (the map hears the newest fix
    // per client four times a second).
    const pause = () => new Promise((resolve) => setTimeout(resolve, 400));
    for (let i = 0; i < 4; i += 1) {
      const at = new Date(now - (3 - i) * 60_000);
      sim.visit(walker!.id, offsetM(start, 0, i * 100), at);
      sim.visit(passer!.id, offsetM(offsetM(start, 0, 1000), 90, i * 100), at);
      await pause();
    }
    const flagged = await until(
      () => call(core, 'map.approaches', {}),
      (answer) => answer.items.length > 0,
    );
    expect(flagged.items).toHaveLength(1);
    expect(flagged.items[0]).toMatchObject({ clientId: walker!.id, zoneId: 'Z-SCHOOL' });
    // 1,500 m to the zone's edge at 6 km/h: some fifteen minutes.
    expect(flagged.items[0]!.etaS).toBeGreaterThan(13 * 60);
    expect(flagged.items[0]!.etaS).toBeLessThan(17 * 60);

    // The walker turns away: the flag comes down.
    for (let i = 1; i <= 4; i += 1)
      sim.visit(
        walker!.id,
        offsetM(offsetM(start, 0, 300), 270, i * 150),
        new Date(now + i * 1000),
      );
    await until(
      () => call(core, 'map.approaches', {}),
      (answer) => answer.items.length === 0,
    );
  });
});
