import { parseArgs } from 'node:util';
import { exitOnUnsupportedNode } from '../runtime/node-version';
import { startSimulator } from './simulator';
import { trainingAccounts, TRAINING_PASSWORD } from './training-accounts';
import type { ApiVersion } from './v11-routes';

/**
 * `npm run simulator -- --port N --clients N --seed S --speed X`: the training simulator on its own,
 * for several consoles to share (multi-operator training). Listens on 127.0.0.1.
 */
const USAGE = `Usage: npm run simulator -- [--port N] [--clients 1-20000] [--seed S] [--speed 1-3600] [--api 1.0|1.1]
    [--lived-hours 0-48]   open with that many hours already lived (alerts worked, shifts handed over)
    [--rates]              live a day and print the alerts raised per client per day by type, then exit`;

function numberOption(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(
      `--${name} must be a whole number from ${min} to ${max}, not "${raw}"\n${USAGE}\n`,
    );
    process.exit(2);
  }
  return value;
}

/** 1.1 by default; 1.0 plays a vendor's service without the 1.1 additions. */
function apiOption(raw: string | undefined): ApiVersion {
  if (raw === undefined || raw === '1.1') return '1.1';
  if (raw === '1.0') return '1.0';
  process.stderr.write(`--api must be 1.0 or 1.1, not "${raw}"\n${USAGE}\n`);
  process.exit(2);
}

exitOnUnsupportedNode();
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    clients: { type: 'string' },
    seed: { type: 'string' },
    speed: { type: 'string' },
    api: { type: 'string' },
    'lived-hours': { type: 'string' },
    rates: { type: 'boolean' },
  },
  strict: true,
});
const clients = numberOption(values.clients, 'clients', 300, 1, 20_000);
if (values.rates) {
  const start = new Date();
  const day = await startSimulator({
    clients,
    seed: numberOption(values.seed, 'seed', 1, 0, 2 ** 31),
    run: false,
    port: 0,
    start: new Date(start.getTime() - 86_400_000),
  });
  day.advanceTo(start);
  const byType = new Map<string, number>();
  for (const alert of day.state.alerts.values())
    byType.set(alert.type, (byType.get(alert.type) ?? 0) + 1);
  for (const [type, count] of [...byType].sort((a, b) => b[1] - a[1]))
    process.stdout.write(
      `${type}: ${count} (${(count / clients).toFixed(3)} per client per day)\n`,
    );
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `all alerts: ${total} in 24 h for ${clients} clients (${(total / clients).toFixed(3)} per client per day)\n`,
  );
  await day.close();
  process.exit(0);
}
const simulator = await startSimulator({
  port: numberOption(values.port, 'port', 8700, 0, 65535),
  clients,
  livedHours: numberOption(values['lived-hours'], 'lived-hours', 0, 0, 48),
  seed: numberOption(values.seed, 'seed', 1, 0, 2 ** 31),
  speed: numberOption(values.speed, 'speed', 1, 1, 3600),
  apiVersion: apiOption(values.api),
});
process.stdout.write(
  `Sargs training simulator: ${simulator.url} (central API at ${simulator.url}/api/v1)\n` +
    `  accounts (password "${TRAINING_PASSWORD}"): ${trainingAccounts.map((a) => `${a.id} [${a.roles.join(', ')}]`).join(', ')}\n`,
);
const stop = (): void => void simulator.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
