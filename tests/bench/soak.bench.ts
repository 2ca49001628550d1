// npm run soak -- [--minutes 10] [--clients 10000] [--rate 1000] [--quiet] [--heap-snapshots DIR]:
// a night shift in ten minutes (--quiet: the same load without faults; --heap-snapshots: each
// page's heap written to DIR where its live heap is measured, at minute 2 and at the end, to see
// what grew).
// See tests/soak/soak-run.ts. Prints a line a minute and, last, the worst p99 from emit to screen.
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { exitOnUnsupportedNode } from '../../electron/core/runtime/node-version';
import { chromiumPath } from '../../playwright.config';
import { runSoak } from '../soak/soak-run';

exitOnUnsupportedNode();
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    /** A quiet run, for profiling the steady path: no cuts, no 500s, no kills, no burst. */
    quiet: { type: 'boolean', default: false },
    'heap-snapshots': { type: 'string' },
  },
  strict: true,
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const rate = Number(values.rate);
if (!(minutes >= 1 && clients >= 10 && clients <= 20_000 && rate >= 1 && rate <= 5000)) {
  process.stderr.write(
    'Usage: npm run soak -- [--minutes >=1] [--clients 10-20000] [--rate 1-5000]\n',
  );
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
try {
  console.log(`soak: ${minutes} min, ${clients} clients, ${rate} positions/s`);
  const result = await runSoak({
    minutes,
    clients,
    rate,
    browser,
    kills: values.quiet ? 0 : 3,
    cutS: values.quiet ? 0 : 60,
    failS: values.quiet ? 0 : 30,
    burst: values.quiet ? 0 : 200,
    heapSnapshots: values['heap-snapshots'] ?? null,
    log: (line) => console.log(line),
  });
  console.log(result.summary);
  process.exitCode = result.comparison.differences.length === 0 && result.unsettled === 0 ? 0 : 1;
} finally {
  await browser.close();
}
