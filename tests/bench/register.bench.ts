/**
 * `npm run bench:register`: the client register with 10,000 clients in Chromium against a real
 * headless console and simulator: first paint of the list, a filter change (risk checkbox) and a
 * search keystroke, each from the input to the frame that shows the new count; against the floor
 * of the same filter as a bare Array.filter over the same rows in the same page. The page's JS heap
 * is printed. Last line: the slower of the two changes.
 */
import { chromium } from '@playwright/test';
import { rmSync } from 'node:fs';
import { chromiumPath } from '../../playwright.config';
import { startSimulator } from '../../electron/core/simulator/simulator';
import { startHeadlessConsole } from '../e2e/fixtures/headless-console';
import { median, percentile } from './measure';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const RUNS = 7;

const sim = await startSimulator({ clients: CLIENTS, seed: 3, run: false });
const headless = await startHeadlessConsole(['--central', sim.url]);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(headless.url);
await page.getByLabel(/Username/).fill('referent1');
await page.getByLabel(/Password/).fill('macibas');
await page.getByRole('button', { name: /Sign in/ }).click();
await page.getByTestId('operator-name').waitFor();

/** Runs `act` in the page and resolves with ms until the register's count attribute changes and a frame is drawn. */
function untilCountChanges(act: string): Promise<number> {
  return page.evaluate(
    (code) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector('[data-testid="register-count"]')!;
        const before = target.getAttribute('data-count');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (target.getAttribute('data-count') === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(target, { attributes: true });
        new Function(code)();
      }),
    act,
  );
}

const firstPaint: number[] = [];
for (let run = 0; run < 3; run++) {
  await page.evaluate(() => (window.location.hash = '#/map'));
  await page.waitForTimeout(300);
  const start = Date.now();
  await page.evaluate(() => (window.location.hash = '#/clients'));
  await page
    .locator(`[data-testid="register-count"][data-count="${CLIENTS}"]`)
    .waitFor({ timeout: 120_000 });
  await page.getByTestId('register-row').first().waitFor();
  firstPaint.push(Date.now() - start);
}
console.log(
  `first paint of ${CLIENTS} clients: median ${median(firstPaint)} ms (runs ${firstPaint.join(', ')})`,
);

const filter: number[] = [];
const search: number[] = [];
for (let run = 0; run < RUNS; run++) {
  filter.push(
    await untilCountChanges(`document.querySelector('[data-testid="risk-high"]').click()`),
  );
  filter.push(
    await untilCountChanges(`document.querySelector('[data-testid="risk-high"]').click()`),
  );
  await page.getByTestId('register-search').fill('');
  search.push(
    await untilCountChanges(`
      const input = document.querySelector('[data-testid="register-search"]');
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      set.call(input, 'ber');
      input.dispatchEvent(new Event('input', { bubbles: true }));`),
  );
  await untilCountChanges(`
      const input = document.querySelector('[data-testid="register-search"]');
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      set.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));`);
}
const floor = await page.evaluate((n) => {
  const rows = Array.from({ length: n }, (_, i) => ({
    risk: ['low', 'medium', 'high', 'very_high'][i % 4],
    name: `Client ${i}`,
  }));
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    const start = performance.now();
    rows.filter((row) => row.risk === 'high').sort((a, b) => a.name.localeCompare(b.name));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[10]!;
}, CLIENTS);
const heap = await page.evaluate(
  () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
);
console.log(
  `bare filter and sort of ${CLIENTS} rows in the page: ${floor.toFixed(1)} ms (the floor)`,
);
console.log(`page JS heap: ${(heap / 1024 / 1024).toFixed(0)} MB`);
const lines = [
  { name: 'risk filter', p95: percentile(filter, 95), p50: median(filter) },
  { name: 'search keystroke', p95: percentile(search, 95), p50: median(search) },
].sort((a, b) => a.p95 - b.p95);
for (const line of lines)
  console.log(
    `register ${line.name}: p50 ${line.p50.toFixed(0)} ms, p95 ${line.p95.toFixed(0)} ms (${(line.p95 / Math.max(floor, 0.1)).toFixed(0)}x a bare filter), ${CLIENTS} clients`,
  );

await browser.close();
await headless.stop();
rmSync(headless.dataDir, { recursive: true, force: true });
await sim.close();
