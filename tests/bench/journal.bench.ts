/**
 * `npm run bench:journal`: the journal search (FTS5, folding case and diacritics) over 100,000
 * entries in a real cache file, through the store's worker as the console asks it, against a plain
 * `LIKE` scan of the same entries in the same run. Last line: the slowest query's p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/core/db/store';
import type { CacheRecord } from '../../electron/core/db/apply-events';
import type { JournalEntry } from '../../shared/central/records';
import type { JournalSearch } from '../../shared/domain/shifts';
import { mb, percentile, sampleRss } from './measure';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = 15;
const WORDS = [
  'zvanīju',
  'klientam',
  'Rīgā',
  'Liepājā',
  'aproce',
  'bāzes',
  'stacija',
  'šķirts',
  'komandantstunda',
  'lietas',
  'vadītājs',
  'policija',
  'akumulators',
  'uzlādēts',
  'mājās',
  'darbā',
  'tiesa',
  'atļauja',
  'kavējās',
  'atbildēja',
];
const CATEGORIES = ['incident', 'equipment', 'contact', 'handover', 'info'] as const;

function entry(i: number): JournalEntry {
  const words = Array.from(
    { length: 8 + (i % 7) },
    (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]!,
  );
  return {
    id: `JE-${i}`,
    shiftId: `SH-${Math.floor(i / 50)}`,
    operatorId: `referent${1 + (i % 6)}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    category: CATEGORIES[i % CATEGORIES.length]!,
    text: `${words.join(' ')} (${i})`,
    refs: { alertIds: [], clientIds: [`CL-${String(i % 10_000).padStart(5, '0')}`], deviceIds: [] },
    correctsEntryId: null,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'sargs-journal-bench-'));
const store = await openStore(join(dir, 'cache.db'));
const memory = sampleRss();
const loadStart = performance.now();
for (let i = 0; i < ENTRIES; i += 5000) {
  const batch: CacheRecord[] = [];
  for (let k = i; k < Math.min(ENTRIES, i + 5000); k++)
    batch.push({ type: 'journal.entry', data: entry(k) });
  await store.applyRecords(batch);
}
console.log(
  `${ENTRIES} entries written and indexed in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
);

const queries: [string, JournalSearch][] = [
  ['a common word (riga, many hits)', { text: 'riga' }],
  ['a rare pair (skirts policija)', { text: 'skirts policija' }],
  ['a word in one category', { text: 'aproce', category: 'equipment' }],
  ['a word for one client', { text: 'stacija', clientId: 'CL-00042' }],
];

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

let worst = { name: '', p95: 0, ratio: 0 };
for (const [name, filter] of queries) {
  const fts = await timed(() => store.searchJournal(filter));
  // LIKE needs the stored spelling: it does not fold diacritics (one reason to have FTS).
  const like = await timed(() =>
    store.scanJournal({
      ...filter,
      text: filter.text === 'riga' ? 'Rīgā' : filter.text?.split(' ')[0],
    }),
  );
  const hits = (await store.searchJournal(filter)).length;
  const p95 = percentile(fts, 95);
  const likeP95 = percentile(like, 95);
  console.log(
    `${name}: ${hits} hits, FTS p50 ${percentile(fts, 50).toFixed(1)} ms p95 ${p95.toFixed(1)} ms; LIKE p50 ${percentile(like, 50).toFixed(1)} ms p95 ${likeP95.toFixed(1)} ms`,
  );
  if (p95 >= worst.p95) worst = { name, p95, ratio: p95 / likeP95 };
}
console.log(`peak RSS: ${mb(memory.stop())}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  `journal search: ${worst.p95.toFixed(1)} ms (${worst.ratio.toFixed(2)}x LIKE) — slowest: ${worst.name}, ${ENTRIES} entries`,
);
