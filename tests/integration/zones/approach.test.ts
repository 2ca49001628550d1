import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../electron/core/simulator/simulator';
import { bearingDeg, offsetM } from '../../../shared/geo/distance';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { until } from '../../helpers/until';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const START = new Date('2026-12-01T05:12:30Z');

describe('approach warning in the client panel', () => {
  it('names the exclusion zone a client is walking towards, with the time to entry', async () => {
    // A fixed start: the training world places its clients by the time of day, and from some
    // starts on the wall clock it had this client report from home half a minute before the walk
    // ended, breaking the walk's straight course (the test failed from 05:14 to 05:15, and 03:11 to
    // 03:26). The console runs on the service's clock, so the walk is judged fresh in its frame.
    const sim = await startSimulator({ clients: 40, seed: 3, run: false, start: START });
    cleanups.push(() => sim.close());
    const zone = [...sim.state.zones.values()].find((z) => z.id.startsWith('ZV-'))!;
    const clientId = zone.clientId!;
    // The walk is the client's only course: nothing else of theirs in the window it is judged on.
    const recent = sim.state
      .lastPositions()
      .filter((p) => p.clientId === clientId && Date.parse(p.at) > START.getTime() - 10 * 60_000);
    expect(recent).toEqual([]);
    const core = await consoleOn(sim, 'referent1', cleanups, { now: () => sim.now() });
    // Synced first: the walk then comes by the stream, every fix of it (a snapshot has the last).
    await until(
      () => call(core, 'clients.detail', { clientId }),
      () => true,
    );
    const [lon, lat] = (zone.geometry as { center: [number, number] }).center;
    const start = offsetM({ lat, lon }, 300, 2_000);
    const heading = bearingDeg(start, { lat, lon });
    const now = sim.now().getTime();
    // Eight minutes of a steady walk at 5 km/h, the last fix just now.
    for (let minute = 8; minute >= 0; minute -= 1) {
      const at = new Date(now - minute * 60_000).toISOString();
      const point = offsetM(start, heading, (5 / 3.6) * 60 * (8 - minute));
      sim.state.addPosition({
        id: `WALK-${minute}`,
        deviceId: sim.state.clients.get(clientId)!.deviceIds[0]!,
        clientId,
        at,
        receivedAt: at,
        lat: Number(point.lat.toFixed(6)),
        lon: Number(point.lon.toFixed(6)),
        accuracyM: 8,
        speedKmh: 5,
        source: 'gps',
      });
    }
    // The walk reaches the cache by the stream (within the test's 20 s).
    const detail = await until(
      () => call(core, 'clients.detail', { clientId }),
      (d) => d.view === 'full' && d.approaches.length > 0,
      { timeoutMs: 15_000 },
    );
    if (detail.view !== 'full') throw new Error('a referent sees the full view');
    expect(detail.approaches).toMatchObject([{ zoneId: zone.id, zoneName: zone.name }]);
    expect(detail.approaches[0]!.etaS).toBeGreaterThan(400);
    expect(detail.approaches[0]!.etaS).toBeLessThan(800);
  });
});
