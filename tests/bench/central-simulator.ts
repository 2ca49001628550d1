// The simulator side of bench:central, in its own process: 10,000 clients; on "fill" it writes an
// hour of traffic at 1,000 events/s into its log (a fix every 10 s per client), then says "filled".
import { createInterface } from 'node:readline';
import { startSimulator } from '../../electron/core/simulator/simulator';

const CLIENTS = 10_000;
const EVENTS_PER_S = 1000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3600);
const start = Date.parse('2026-11-23T08:00:00.000Z');
const sim = await startSimulator({
  clients: CLIENTS,
  seed: 42,
  start: new Date(start),
  run: false,
  maxEvents: 5_000_000,
});
process.stdout.write(`ready ${sim.url}\n`);

const homes = [...sim.state.clients.values()].map((client) => ({
  id: client.id,
  device: client.deviceIds[0]!,
  home: client.home!,
}));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`cpu ${(user + system) / 1e6}\n`);
  }
  if (line !== 'fill') return;
  for (let second = 0; second < SECONDS; second += 1) {
    const at = start + 60_000 + second * 1000;
    sim.state.at(at, () => {
      for (let k = 0; k < EVENTS_PER_S; k += 1) {
        const { id, device, home } = homes[(second * EVENTS_PER_S + k) % CLIENTS]!;
        const iso = new Date(at).toISOString();
        sim.state.addPosition({
          id: `B${second}-${k}`,
          deviceId: device,
          clientId: id,
          at: iso,
          receivedAt: iso,
          lat: home.lat + (k % 7) * 1e-5,
          lon: home.lon,
          accuracyM: 8,
          speedKmh: 3,
          source: 'gps',
        });
      }
    });
  }
  process.stdout.write(`filled ${sim.state.seq}\n`);
});
