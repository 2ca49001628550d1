/**
 * `npm run bench:timeline`: one client's 90 days at a fix a minute (129,600 fixes, a few gaps)
 * seeded into a real cache, opened as a timeline in Chromium against a real headless console and
 * simulator: from the link to the track drawn on the map (data read from SQLite, merged, sent over
 * the bridge, listed and drawn), the track decimated for the zoom, against the same with every fix
 * drawn (the page's `every-fix` switch) in the same run. Prints each run, the page's JS heap, and
 * last `timeline: <T> ms for <N> points (<X>x undecimated); before its days are packed <U> ms` with
 * T the slowest decimated run once the store has packed the past days (queries/track-days.ts) and U
 * the first timeline of a console on the freshly filled cache, read from the rows; X is T against
 * the slowest run with every fix drawn. In the first run each drawing is the first timeline of a
 * console started for it (its store has not read those pages, the engines have not compiled the
 * code yet), the worst a supervisor meets; later runs take turns at going first. The core's share
 * alone is measured after.
 */
import { chromium } from '@playwright/test';
import { rmSync } from 'node:fs';
import { chromiumPath } from '../../playwright.config';
import { cacheFileFor } from '../../electron/core/db/cache-file';
import { openDatabase } from '../../electron/core/db/open-database';
import { COVERED_FROM } from '../../electron/core/db/queries/timeline';
import { bucketOf } from '../../electron/core/db/queries/positions';
import Database from 'better-sqlite3';
import { readLocalState, writeLocalState } from '../../electron/core/db/queries/local-state';
import { PACK_PROGRESS_KEY } from '../../electron/core/db/queries/track-pack';
import { startSimulator } from '../../electron/core/simulator/simulator';
import { startHeadlessConsole } from '../e2e/fixtures/headless-console';
import { median } from './measure';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DAYS = 90;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const now = Date.now();
const from = now - DAYS * 86_400_000;

const sim = await startSimulator({ clients: 20, seed: 9, run: false });
const client = [...sim.state.clients.values()][0]!;
const dataDir = mkdtempSync(join(tmpdir(), 'sargs-bench-timeline-'));

/** The first fix seeded: the window starts with a hole, so its day may be the one after `from`'s. */
let firstFix: number | null = null;

/** A walk around the client's home: a fix a minute, and a 2-hour hole every fifth day. */
function seed(): number {
  const db = openDatabase(cacheFileFor(dataDir, sim.url));
  const insert = db.prepare(
    `INSERT INTO positions (bucket, client_id, at, id, device_id, received_at, lat, lon, accuracy_m, speed_kmh, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let [lat, lon] = [client.home?.lat ?? 56.95, client.home?.lon ?? 24.11];
  let count = 0;
  db.transaction(() => {
    for (let at = from + 60_000; at < now; at += 60_000) {
      const minute = (at - from) / 60_000;
      if (minute % 7200 < 120) continue;
      firstFix ??= at;
      const heading = (minute / 90) % (2 * Math.PI);
      lat += Math.sin(heading) * 0.0004 + (client.home!.lat - lat) * 0.01;
      lon += Math.cos(heading) * 0.0007 + (client.home!.lon - lon) * 0.01;
      insert.run(
        bucketOf(at),
        client.id,
        at,
        `P${count}`,
        client.deviceIds[0],
        at + 900,
        Number(lat.toFixed(6)), // as a device reports it (about 10 cm)
        Number(lon.toFixed(6)),
        12,
        4,
        'gps',
      );
      count += 1;
    }
  })();
  writeLocalState(db, COVERED_FROM, from - 86_400_000);
  db.close();
  return count;
}
const points = seed();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});

/** The console as it ships (bundled, plain Node) on the seeded cache, and a supervisor's page on it. */
async function startConsole() {
  const headless = await startHeadlessConsole(['--central', sim.url, '--data-dir', dataDir], true);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(headless.url);
  await page.getByLabel(/Username/).fill('supervisor1');
  await page.getByLabel(/Password/).fill('macibas');
  await page.getByRole('button', { name: /Sign in/ }).click();
  await page.getByTestId('operator-name').waitFor();
  return { headless, page };
}

const link = `#/timeline?client=${client.id}&from=${new Date(from).toISOString()}&to=${new Date(now).toISOString()}`;

/** From setting the link to the track drawn (the layer's `timeline-drawn` mark), in ms. */
async function open(
  everyFix: boolean,
): Promise<{ ms: number; load: number; draw: number; drawn: number }> {
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ hash, everyFix }) =>
      new Promise<{ ms: number; load: number; draw: number; drawn: number }>((resolve) => {
        if (everyFix) localStorage.setItem('sargs.trackDrawing', 'every-fix');
        else localStorage.removeItem('sargs.trackDrawing');
        performance.clearMarks('timeline-drawn');
        performance.clearMarks('timeline-draw-start');
        performance.clearMarks('timeline-loaded');
        const start = performance.now();
        const observer = new PerformanceObserver((list) => {
          const mark = list.getEntriesByName('timeline-drawn')[0] as PerformanceMark | undefined;
          if (!mark) return;
          observer.disconnect();
          const began = performance.getEntriesByName('timeline-draw-start').at(-1)!.startTime;
          const loaded = performance.getEntriesByName('timeline-loaded').at(-1)!.startTime;
          resolve({
            ms: mark.startTime - start,
            load: loaded - start,
            draw: mark.startTime - began,
            drawn: (mark.detail as { points: number }).points,
          });
        });
        observer.observe({ entryTypes: ['mark'] });
        window.location.hash = hash;
      }),
    { hash: link, everyFix },
  );
}

/** The core's share: timeline.open over the bridge (read, merge, encode), without the page. */
async function coreOpen(): Promise<number> {
  const started = performance.now();
  const answer = await fetch(`${headless.origin}/rpc/timeline.open`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${headless.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      clientId: client.id,
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
    }),
  });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`timeline.open: ${answer.status}`);
  return performance.now() - started;
}

// A cache filled at once (this seed, a first start, a long outage) has no packed days yet: the
// console's first timeline then reads every fix from the rows. Then the store packs the days in
// the background, and the runs below are of a console started again on the packed cache.
let { headless, page } = await startConsole();
const unpacked = await open(false);
console.log(
  `before the days are packed (the console's first timeline, read from the rows): ${unpacked.ms.toFixed(0)} ms (data in the page at ${unpacked.load.toFixed(0)} ms)`,
);
const packingFrom = performance.now();
// The newest day the store packs: the one before the day of an hour ago (queries/track-pack.ts).
const lastWholeDay = new Date((Math.floor((now - 3_600_000) / 86_400_000) - 1) * 86_400_000)
  .toISOString()
  .slice(0, 10);
// Read from the cache file (as the Settings page shows it to an administrator).
const cache = new Database(cacheFileFor(dataDir, sim.url), { readonly: true });
for (;;) {
  if (performance.now() - packingFrom > 180_000)
    throw new Error('the days were not packed in 3 minutes');
  const state = readLocalState<{ low: number; high: number; day: number | null }>(
    cache,
    PACK_PROGRESS_KEY,
  );
  const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  if (
    state &&
    day(state.high) >= lastWholeDay &&
    day(state.low) <= new Date(firstFix!).toISOString().slice(0, 10)
  ) {
    console.log(
      `days packed: ${day(state.low)} to ${day(state.high)}, ${((performance.now() - packingFrom) / 1000).toFixed(1)} s after that first timeline`,
    );
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
cache.close();

/** A console started anew on the packed cache, its page signed in. */
async function restart(): Promise<void> {
  await page.close();
  await headless.stop();
  ({ headless, page } = await startConsole());
}

const decimated: number[] = [];
const every: number[] = [];
const drawDecimated: number[] = [];
const drawEvery: number[] = [];
let drawn = 0;
for (let run = 0; run < RUNS; run++) {
  // A console's first timeline is slower (nothing read or compiled yet): each drawing has it once,
  // on a console of its own, so that neither is compared with the other's warm runs. After that,
  // the two take turns at going first.
  let d: Awaited<ReturnType<typeof open>>;
  let e: Awaited<ReturnType<typeof open>>;
  if (run === 0) {
    await restart();
    d = await open(false);
    await restart();
    e = await open(true);
  } else if (run % 2 === 1) {
    d = await open(false);
    e = await open(true);
  } else {
    e = await open(true);
    d = await open(false);
  }
  decimated.push(d.ms);
  every.push(e.ms);
  drawDecimated.push(d.draw);
  drawEvery.push(e.draw);
  drawn = d.drawn;
  console.log(
    `run ${run + 1}${run === 0 ? ' (each drawing the first timeline of a console: nothing read or compiled yet)' : ''}: decimated ${d.ms.toFixed(0)} ms (data in the page at ${d.load.toFixed(0)} ms, drawing ${d.draw.toFixed(0)} ms, ${d.drawn} points), every fix ${e.ms.toFixed(0)} ms (data at ${e.load.toFixed(0)} ms, drawing ${e.draw.toFixed(0)} ms, ${e.drawn})`,
  );
}
const core: number[] = [];
for (let run = 0; run < RUNS; run++) core.push(await coreOpen());
console.log(
  `core timeline.open over the bridge: median ${median(core).toFixed(0)} ms, worst ${Math.max(...core).toFixed(0)} ms`,
);

const heap = await page.evaluate(
  () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
);
const worst = Math.max(...decimated);
console.log(
  `drawing alone: decimated median ${median(drawDecimated).toFixed(0)} ms, every fix median ${median(drawEvery).toFixed(0)} ms (${(median(drawDecimated) / median(drawEvery)).toFixed(2)}x)`,
);
console.log(
  `link to drawn, every fix: median ${median(every).toFixed(0)} ms, worst ${Math.max(...every).toFixed(0)} ms`,
);
console.log(
  `link to drawn, decimated: median ${median(decimated).toFixed(0)} ms, ${drawn} of ${points} points drawn at the fitted zoom`,
);
console.log(`page JS heap: ${(heap / 1024 / 1024).toFixed(0)} MB`);
// The target's figure first; the slower path (days not yet packed) closes the line.
console.log(
  `timeline: ${worst.toFixed(0)} ms for ${points} points (${(worst / Math.max(...every)).toFixed(2)}x undecimated); before its days are packed ${unpacked.ms.toFixed(0)} ms`,
);
await browser.close();
await headless.stop();
rmSync(dataDir, { recursive: true, force: true });
await sim.close();
