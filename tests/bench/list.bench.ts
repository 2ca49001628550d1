// npm run bench:list — the console's one virtualiser (renderer/src/app/virtual-rows.ts, over
// @tanstack/react-virtual), raw @tanstack/react-virtual, and the hand-written virtualiser the
// console had before (the baseline) in the same run, on 10,000 queue-like rows in headless
// Chromium: mount, scroll (ms until the rows for a new position are in the page) and keyboard
// selection (ms until the selected row is in the page). Runs alternate, RUNS each.
//   --rows N (10000)   --runs R (3)
import { parseArgs } from 'node:util';
import { median, percentile } from './measure';
import { startPageBench } from './page-bench';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

interface ListResult {
  mount: number;
  scroll: number[];
  selection: number[];
  rowsInPage: number;
}

const bench = await startPageBench(new URL('./list', import.meta.url));
type Impl = 'own' | 'tanstack' | 'hand-written';
async function run(impl: Impl): Promise<ListResult> {
  const page = await bench.browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${bench.origin}/index.html?impl=${impl}&rows=${ROWS}`);
  const result = (await page.evaluate(() =>
    (window as unknown as { runBench(): Promise<ListResult> }).runBench(),
  )) as ListResult;
  await page.close();
  return result;
}

const ms = (value: number): string => value.toFixed(1);
try {
  const results: Record<Impl, ListResult[]> = { own: [], tanstack: [], 'hand-written': [] };
  for (let i = 0; i < RUNS; i += 1)
    for (const impl of ['own', 'tanstack', 'hand-written'] as const)
      results[impl].push(await run(impl));
  const summary = (impl: Impl) => ({
    mount: median(results[impl].map((r) => r.mount)),
    scroll: median(results[impl].map((r) => percentile(r.scroll, 95))),
    select: median(results[impl].map((r) => percentile(r.selection, 95))),
    rows: Math.max(...results[impl].map((r) => r.rowsInPage)),
    spread: results[impl].map((r) => ms(percentile(r.scroll, 95))).join(' / '),
  });
  const own = summary('own');
  const tanstack = summary('tanstack');
  const baseline = summary('hand-written');
  console.log(`list bench: ${ROWS} rows, ${RUNS} runs each (medians of each run's p95)`);
  for (const [name, s] of [
    ['console virtual-rows', own],
    ['@tanstack/react-virtual', tanstack],
    ['hand-written (before)', baseline],
  ] as const)
    console.log(
      `  ${name.padEnd(24)} mount ${ms(s.mount)} ms, p95 scroll ${ms(s.scroll)} ms (runs ${s.spread}), p95 select ${ms(s.select)} ms, ${s.rows} rows in the page`,
    );
  // Against the baseline; the last line is the worse of scroll and selection.
  const scrollRatio = baseline.scroll / own.scroll;
  const selectRatio = baseline.select / own.select;
  const worse = scrollRatio <= selectRatio ? 'scroll' : 'select';
  console.log(
    `list: p95 ${worse} ${ms(worse === 'scroll' ? own.scroll : own.select)} ms (${Math.min(scrollRatio, selectRatio).toFixed(2)}x hand-written)`,
  );
} finally {
  await bench.close();
}
