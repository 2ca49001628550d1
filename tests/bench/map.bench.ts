// npm run bench:map — the live map at 10,000 clients, each moving once per second, in headless
// Chromium: each frame's main-thread work (from a trace of the measured seconds), frame times
// (rAF deltas) and update latency (feed message received → drawn) for the console's canvas layer
// and, in the same run, for a naive map of one react-leaflet <Marker> per client. Both are
// measured at the national overview the map opens on and at a Rīga street view. The last line is
// the worse of the two views.
//   --clients N (10000)   --seconds S (30)
import { parseArgs } from 'node:util';
import { WebSocketServer, type WebSocket } from 'ws';
import { BenchFeed } from './map/feed';
import type { BenchMessage, BenchResult } from './map/bench-protocol';
import { mainThreadBusy } from './map/main-thread';
import { percentile } from './measure';
import { startPageBench } from './page-bench';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '30' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
/** As the core's live feed: moves are coalesced and sent four times a second. */
const BATCHES_PER_SECOND = 4;
const WARM_UP_SECONDS = 3;

const bench = await startPageBench(new URL('./map', import.meta.url));
const { origin, browser } = bench;
const feeds = new WebSocketServer({ server: bench.server });

const send = (socket: WebSocket, message: BenchMessage): void =>
  socket.send(JSON.stringify(message));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One measured run: the page connects, gets the clients, then warm-up, then the measured feed. */
async function run(
  mode: 'canvas' | 'naive',
  view: 'overview' | 'city',
): Promise<BenchResult & { busyMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const connected = new Promise<WebSocket>((resolve) => feeds.once('connection', resolve));
  await page.goto(
    `${origin}/index.html?mode=${mode}&view=${view}&ws=${origin.replace('http', 'ws')}`,
  );
  const socket = await connected;
  const feed = new BenchFeed(CLIENTS, BATCHES_PER_SECOND);
  send(socket, { kind: 'clients', clients: feed.clients });
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  const ticks = (WARM_UP_SECONDS + SECONDS) * BATCHES_PER_SECOND;
  const started = performance.now();
  for (let tick = 0; tick < ticks; tick += 1) {
    if (tick === WARM_UP_SECONDS * BATCHES_PER_SECOND) {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
      send(socket, { kind: 'start' });
    }
    send(socket, { kind: 'fixes', fixes: feed.batch() });
    // Paced on the clock, not on the previous send: a slow page gets the same load.
    await sleep(started + ((tick + 1) * 1000) / BATCHES_PER_SECOND - performance.now());
  }
  send(socket, { kind: 'end' });
  const result = await page.waitForFunction(() => window.benchResult, null, { timeout: 120_000 });
  const { busyMs } = mainThreadBusy(await browser.stopTracing());
  const value = (await result.jsonValue()) as BenchResult;
  await page.close();
  return { ...value, busyMs };
}

interface Figures {
  /** Main-thread work per frame drawn, ms (the trace's busy time over the frames). */
  workPerFrame: number;
  p95Frame: number;
  p99Update: number;
  updates: number;
}
const figures = (result: BenchResult & { busyMs: number }): Figures => ({
  workPerFrame: result.busyMs / Math.max(1, result.frames.length),
  p95Frame: percentile(result.frames, 95),
  p99Update: percentile(result.updates, 99),
  updates: result.updates.length,
});
const ms = (value: number): string => value.toFixed(1);

try {
  console.log(`map bench: ${CLIENTS} clients, each moving once per second, ${SECONDS} s per run`);
  const lines: { ratio: number; line: string }[] = [];
  for (const view of ['overview', 'city'] as const) {
    const ours = figures(await run('canvas', view));
    const naive = figures(await run('naive', view));
    const ratio = Math.min(
      naive.workPerFrame / ours.workPerFrame,
      naive.p99Update / ours.p99Update,
    );
    for (const [name, f] of [
      ['canvas layer', ours],
      ['naive <Marker>', naive],
    ] as const)
      console.log(
        `  ${view.padEnd(8)} ${name.padEnd(15)} main thread ${ms(f.workPerFrame)} ms a frame, p95 frame ${ms(f.p95Frame)} ms, p99 update ${ms(f.p99Update)} ms (${f.updates} updates drawn)`,
      );
    const line = `map: main thread ${ms(ours.workPerFrame)} ms a frame, p99 update ${ms(ours.p99Update)} ms, ${ratio.toFixed(1)}x baseline (${view})`;
    console.log(`  ${view}: ${line}`);
    lines.push({ ratio, line });
  }
  console.log(
    '(the ratio is the smaller of the main-thread-work and update ratios against the naive map; last, the worse view)',
  );
  console.log(lines.sort((a, b) => b.ratio - a.ratio).at(-1)!.line);
} finally {
  feeds.close();
  await bench.close();
}
