// npm run bench:central — catch-up after an outage. The simulator (its own process) holds an hour
// of events at 1,000 events/s for 10,000 clients; a console that was in step before the outage
// applies them all through the real stream and store. Compared with the store's raw insert rate
// measured in this run (after the catch-up, so that its memory is not counted as the console's).
// Builds the core first: the store runs its compiled worker, as the console does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Backoff } from '../../electron/core/central/backoff';
import { CentralClient } from '../../electron/core/central/central-client';
import { ConnectionTracker } from '../../electron/core/central/connection-state';
import { openStore } from '../../electron/core/db/store';
import { EventBus } from '../../electron/core/events/event-bus';
import { exitOnUnsupportedNode } from '../../electron/core/runtime/node-version';
import { mb, perSecond, sampleRss, seconds } from './measure';
import { rawPositionInsert } from './raw-insert';

exitOnUnsupportedNode();
const dir = mkdtempSync(join(tmpdir(), 'sargs-bench-central-'));

const child = spawn(
  process.execPath,
  ['--max-old-space-size=8192', '--import', 'tsx', 'tests/bench/central-simulator.ts'],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const lines = createInterface({ input: child.stdout });
/** The rest of the simulator's next output line that starts with `prefix`. */
const next = (prefix: string): Promise<string> =>
  new Promise((resolve) => {
    const onLine = (line: string): void => {
      if (!line.startsWith(prefix)) return;
      lines.off('line', onLine);
      resolve(line.slice(prefix.length + 1));
    };
    lines.on('line', onLine);
  });

const url = await next('ready');
/** CPU seconds the simulator process has used so far. */
const simulatorCpu = async (): Promise<number> => {
  const answer = next('cpu');
  child.stdin.write('cpu\n');
  return Number(await answer);
};
// The store's worker as it ships (compiled by build:electron), not its TypeScript run through a
// loader in the thread: that loader's own heap is no part of the console.
const store = await openStore(
  join(dir, 'cache.db'),
  fileURLToPath(new URL('../../dist/electron/store-worker.cjs', import.meta.url)),
);
const connection = new ConnectionTracker(new EventBus(), () => new Date(), url);
const client = new CentralClient({
  baseUrl: url,
  store,
  connection,
  logError: (m) => console.error(m),
  backoff: new Backoff(100, 1000),
});
await client.login('referent1', 'macibas');
client.start();
while ((await store.cursor()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
await client.stop(); // the outage begins

child.stdin.write('fill\n');
const target = Number(await next('filled'));
const before = await store.cursor();
const rssBefore = process.memoryUsage().rss;
const memory = sampleRss();
const cpuBefore = await Promise.all([simulatorCpu(), process.cpuUsage()]);
const started = performance.now();
client.start();
while ((await store.cursor()) < target) await new Promise((resolve) => setTimeout(resolve, 100));
const secs = seconds(started);
const cpu = process.cpuUsage(cpuBefore[1]);
const simCpu = (await simulatorCpu()) - cpuBefore[0];
const events = target - before;
const rate = perSecond(events, secs);
await client.stop();
await store.close();
// The baseline runs after the catch-up, so its memory does not count as the console's.
const raw = perSecond(1_000_000, rawPositionInsert(dir, 1_000_000));
console.log(`raw store insert: ${raw} rows/s (1,000,000 rows, one transaction)`);
console.log(`peak RSS of the console: ${mb(memory.stop())} (${mb(rssBefore)} before the catch-up)`);
console.log(
  `CPU time during catch-up: console ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (core and store threads), simulator ${simCpu.toFixed(1)} s`,
);
console.log(`catch-up rate = ${Math.round((rate / raw) * 100)}% of the raw store insert rate`);
console.log(`central catch-up: ${secs.toFixed(1)} s for ${events} events (${rate} events/s)`);
child.kill();
rmSync(dir, { recursive: true, force: true });
