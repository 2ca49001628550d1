// The service side of the soak, in its own process (its CPU and memory are not the console's):
// a standalone simulator that emits positions for every client at the given rate and alerts at a
// realistic one, each stamped with the wall-clock moment it is emitted (the page measures from
// there). Steered by lines on stdin; answers on stdout.
//   go             start emitting (once the console is watching)
//   burst N        raise N alerts at once
//   cut            cut every open stream
//   fail on|off    answer every REST request with 500 (on) or normally (off)
//   stop           stop emitting (the run is over)
//   seq            print the newest event's seq: `seq N`
//   truth          print the service's state as one JSON line: `truth {...}`
import { createInterface } from 'node:readline';
import type { Alert } from '../../shared/central/records';
import { startSimulator } from '../../electron/core/simulator/simulator';

const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 10_000);
const RATE = Number(process.env.SOAK_RATE ?? 1000);
/** Alerts a minute, besides the burst: a busy centre's evening, not a flood. */
const ALERTS_PER_MINUTE = Number(process.env.SOAK_ALERTS_PER_MINUTE ?? 6);
const TICK_MS = 100;
const TYPES: Alert['type'][] = ['strap_tamper', 'battery_low', 'no_communication', 'buffer_entry'];

const sim = await startSimulator({
  clients: CLIENTS,
  seed: 19,
  start: new Date(),
  run: false,
  // The whole run stays replayable: a console killed mid-run catches up from the log.
  maxEvents: 20_000_000,
});
const homes = [...sim.state.clients.values()].map((client) => ({
  id: client.id,
  device: client.deviceIds[0]!,
  home: client.home!,
}));
process.stdout.write(`ready ${sim.url}\n`);

let emitted = 0;
let next = 0;
let alertDebt = 0;
let alertTurn = 0;
const raise = (): void => {
  const client = homes[(alertTurn * 7919) % homes.length]!;
  sim.raise({
    clientId: client.id,
    type: TYPES[alertTurn % TYPES.length]!,
    severity: alertTurn % 5 === 0 ? 'high' : 'medium',
  });
  alertTurn += 1;
};
let tick: NodeJS.Timeout | null = null;
const emit = (): void => {
  const now = Date.now();
  const count = Math.round((RATE * TICK_MS) / 1000);
  const iso = new Date(now).toISOString();
  sim.state.at(now, () => {
    for (let k = 0; k < count; k += 1) {
      const { id, device, home } = homes[next % homes.length]!;
      const step = Math.floor(next / homes.length);
      next += 1;
      emitted += 1;
      sim.state.addPosition({
        id: `S${emitted}`,
        deviceId: device,
        clientId: id,
        at: iso,
        receivedAt: iso,
        // A slow walk around home, so that the map has something to move.
        lat: home.lat + ((step % 20) - 10) * 2e-5,
        lon: home.lon + ((step % 13) - 6) * 2e-5,
        accuracyM: 8,
        speedKmh: 3,
        source: 'gps',
      });
    }
    alertDebt += (ALERTS_PER_MINUTE * TICK_MS) / 60_000;
    for (; alertDebt >= 1; alertDebt -= 1) raise();
  });
};

/** What the service holds, for the console's cache to be compared with. */
function truth() {
  const ids: string[] = [];
  for (const list of sim.state.positions.values()) for (const p of list) ids.push(p.id);
  ids.sort();
  const versions = (map: Map<string, { version: number }>) =>
    Object.fromEntries([...map.values()].map((r) => [(r as { id?: string }).id, r.version]));
  return {
    seq: sim.state.seq,
    positionIds: ids,
    clients: versions(sim.state.clients),
    devices: versions(sim.state.devices),
    zones: versions(sim.state.zones),
    alerts: Object.fromEntries(
      [...sim.state.alerts.values()].map((a) => [a.id, { version: a.version, state: a.state }]),
    ),
    actions: Object.fromEntries(
      [...sim.state.actions.entries()].map(([alertId, list]) => [
        alertId,
        list.map((action) => ({ id: action.id, kind: action.kind, operatorId: action.operatorId })),
      ]),
    ),
  };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, arg] = line.split(' ');
  if (command === 'burst') for (let i = 0; i < Number(arg); i += 1) raise();
  if (command === 'cut') sim.dropStreams();
  if (command === 'fail')
    sim.faults.failures = { remaining: arg === 'on' ? Number.MAX_SAFE_INTEGER : 0, status: 500 };
  if (command === 'go') tick ??= setInterval(emit, TICK_MS);
  if (command === 'stop' && tick) clearInterval(tick);
  if (command === 'seq') process.stdout.write(`seq ${sim.state.seq}\n`);
  if (command === 'truth') process.stdout.write(`truth ${JSON.stringify(truth())}\n`);
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`cpu ${(user + system) / 1e6}\n`);
  }
});
