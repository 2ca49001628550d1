// npm run bench:store — the local store's ingest and read speed on a real file database.
// (1) raw ceiling: rows inserted with one prepared statement in one transaction, no worker;
// (2) the store's own path: a simulated catch-up replay through the ingest queue and the worker,
//     each batch in one transaction with its cursor;
// (3) one client's 30 days at one fix a minute read back through the worker.
// (1) and (2) run back to back in each of three rounds; the last line is the worst round's share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '../../electron/core/db/apply-events';
import { IngestQueue } from '../../electron/core/db/ingest-queue';
import { openStore, type Store } from '../../electron/core/db/store';
import { exitOnUnsupportedNode } from '../../electron/core/runtime/node-version';
import { mb, median, perSecond, sampleRss, seconds } from './measure';
import { rawPositionInsert } from './raw-insert';

exitOnUnsupportedNode();
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 10_000;
/** Events per socket read in the simulated replay. */
const CHUNK = 500;
const T0 = Date.parse('2026-08-01T00:00:00.000Z');
const MINUTE = 60_000;
const READ_DAYS = 30;
const dir = mkdtempSync(join(tmpdir(), 'sargs-bench-'));

/** Row i: client i mod 10,000, one fix a minute each, in the order the stream brings them. */
function fix(i: number) {
  return { clientId: `c${i % CLIENTS}`, at: T0 + Math.floor(i / CLIENTS) * MINUTE, id: `p${i}` };
}

/**
 * The fix time and receipt time as the stream's text, made once per minute: formatting two dates
 * for each of a million events took a fifth of the measured time, and the producer is the socket
 * in the console, not part of the store being measured.
 */
const timesOfMinute = new Map<number, [string, string]>();
function times(at: number): [string, string] {
  let texts = timesOfMinute.get(at);
  if (!texts) {
    texts = [new Date(at).toISOString(), new Date(at + 800).toISOString()];
    timesOfMinute.set(at, texts);
  }
  return texts;
}

function event(seq: number, clientId: string, at: number, id: string): StoredEvent {
  const [atText, receivedAt] = times(at);
  const data = {
    id,
    deviceId: 'd1',
    clientId,
    at: atText,
    receivedAt,
    lat: 56.95,
    lon: 24.11,
    accuracyM: 8,
    speedKmh: 4,
    source: 'gps' as const,
  };
  return { seq, at: data.receivedAt, type: 'position', data };
}

async function replay(store: Store): Promise<{ secs: number; sizes: number[] }> {
  const sizes: number[] = [];
  const queue = new IngestQueue({
    apply: (batch, after) => store.applyBatch(batch, after),
    onApplied: (_result, size) => sizes.push(size),
    onError: (error) => {
      console.error('store ingest failed:', error);
      process.exit(1);
    },
  });
  const started = performance.now();
  for (let first = 0; first < ROWS; first += CHUNK) {
    for (let i = first; i < Math.min(first + CHUNK, ROWS); i += 1) {
      const { clientId, at, id } = fix(i);
      queue.push(event(i + 1, clientId, at, id));
    }
    await queue.ready();
    await new Promise((resolve) => setImmediate(resolve)); // the next socket read
  }
  await queue.drain();
  return { secs: seconds(started), sizes };
}

async function read30Days(
  store: Store,
): Promise<{ rows: number; trackMs: number; recordsMs: number }> {
  const points = READ_DAYS * 24 * 60;
  const chunk: StoredEvent[] = [];
  for (let k = 0; k < points; k += 1)
    chunk.push(event(ROWS + k + 1, 'reader', T0 + k * MINUTE, `r${k}`));
  await store.applyEvents(chunk);
  const to = T0 + points * MINUTE;
  const track: number[] = [];
  const records: number[] = [];
  let rows = 0;
  for (let run = 0; run < 7; run += 1) {
    let t = performance.now();
    rows = (await store.trackForClient('reader', T0, to)).count;
    track.push(performance.now() - t);
    t = performance.now();
    await store.positionsForClient('reader', T0, to);
    records.push(performance.now() - t);
  }
  return { rows, trackMs: median(track), recordsMs: median(records) };
}

/**
 * One round: the raw ceiling, then the store's path on a fresh file, back to back, so that both
 * meet the machine in the same state. Either alone varied by half from run to run here (disk and
 * the other core), and a single pair's ratio with it.
 */
async function round(k: number): Promise<{ ratio: number; rate: number; peak: number }> {
  const files = mkdtempSync(join(dir, 'round-'));
  const raw = rawPositionInsert(files, ROWS, T0);
  const rawRate = perSecond(ROWS, raw);
  const memory = sampleRss();
  const store = await openStore(join(files, 'store.db'));
  const { secs, sizes } = await replay(store);
  const peak = memory.stop();
  await store.close();
  rmSync(files, { recursive: true, force: true });
  const rate = perSecond(ROWS, secs);
  console.log(
    `round ${k + 1}: raw ceiling ${ROWS} rows in ${raw.toFixed(2)} s = ${rawRate} rows/s (one statement, one transaction); ` +
      `store path ${secs.toFixed(2)} s = ${rate} rows/s through the ingest queue and worker ` +
      `(${sizes.length} batches: median ${median(sizes)}, max ${Math.max(...sizes)} events; cursor per batch): ` +
      `${Math.round((rate / rawRate) * 100)}%`,
  );
  return { ratio: rate / rawRate, rate, peak };
}

const rounds = [];
for (let k = 0; k < ROUNDS; k += 1) rounds.push(await round(k));

const memory = sampleRss();
const store = await openStore(join(dir, 'store-read.db'));
const read = await read30Days(store);
await store.close();
console.log(
  `30-day read: ${read.rows} rows in ${read.trackMs.toFixed(1)} ms as a track (median of 7, through the worker)`,
);
console.log(
  `30-day read: ${read.rows} rows in ${read.recordsMs.toFixed(1)} ms as full Position records`,
);
console.log(
  `peak RSS: ${mb(Math.max(...rounds.map((r) => r.peak)))} during the store path, ${mb(memory.stop())} during the reads`,
);
const ratios = rounds.map((r) => Math.round(r.ratio * 100));
// The worst round last: its store path against the raw ceiling measured just before it.
const worst = rounds.reduce((a, b) => (b.ratio < a.ratio ? b : a));
console.log(
  `store ingest: ${worst.rate} rows/s = ${Math.round(worst.ratio * 100)}% of raw ceiling (worst of ${ROUNDS} rounds: ${ratios.join(', ')}%)`,
);
rmSync(dir, { recursive: true, force: true });
