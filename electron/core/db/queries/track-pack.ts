import type { Database } from 'better-sqlite3';
import { statement } from '../statements';
import { readLocalState, writeLocalState } from './local-state';
import { BUCKET_MS } from './position-layout';
import { DAY_MS, dayOf, putTrackDay, staleTrackDays } from './track-days';
import { readRows } from './track-read';

/** Where the packer is: days [low, high] are done for every client; `day` is under way. */
interface PackProgress {
  low: number;
  high: number;
  /** The day being packed, client after client (`after` is the last one done), or null. */
  day: number | null;
  after: string;
}

export const PACK_PROGRESS_KEY = 'trackDays.progress';

/**
 * A day is packed once the cache holds fixes from this long after its end: most late fixes (a tag
 * that was out of reach, a catch-up) are in by then, and any later one only makes it stale.
 */
const SETTLE_MS = 60 * 60 * 1000;

export interface PackStep {
  /** Client-days packed (or found unpackable) in this step. */
  done: number;
  /** Whether work is left: the caller comes back soon rather than later. */
  more: boolean;
}

/**
 * Packs days (see track-days.ts) for about `budgetMs` in one transaction: stale days first, then
 * the newest settled day not yet packed, then back towards the oldest fix. The ingest waits while
 * a step runs (one thread), so steps are short and the caller spaces them (TrackPacker).
 */
export function packTrackDaysStep(db: Database, budgetMs: number): PackStep {
  const started = performance.now();
  const spent = (): boolean => performance.now() - started >= budgetMs;
  return db.transaction((): PackStep => {
    let done = 0;
    for (const { clientId, day } of staleTrackDays(db, 64)) {
      packClientDay(db, clientId, day);
      done += 1;
      if (spent()) return { done, more: true };
    }
    let progress = readLocalState<PackProgress>(db, PACK_PROGRESS_KEY);
    for (;;) {
      const day = progress?.day ?? nextDay(db, progress);
      if (day === null) return { done, more: false };
      let after = progress?.day === day ? progress.after : '';
      for (const clientId of clientsAfter(db, after)) {
        packClientDay(db, clientId, day);
        done += 1;
        after = clientId;
        if (spent()) {
          // Before the first day is done, the range done is empty (low above high).
          progress = { ...(progress ?? { low: day + 1, high: day }), day, after };
          writeLocalState(db, PACK_PROGRESS_KEY, progress);
          return { done, more: true };
        }
      }
      progress = {
        low: Math.min(progress?.low ?? day, day),
        high: Math.max(progress?.high ?? day, day),
        day: null,
        after: '',
      };
      writeLocalState(db, PACK_PROGRESS_KEY, progress);
      if (spent()) return { done, more: nextDay(db, progress) !== null };
    }
  })();
}

/** The days packed for every client so far, or null before the first. */
export function packedRange(db: Database): { low: number; high: number } | null {
  const progress = readLocalState<PackProgress>(db, PACK_PROGRESS_KEY);
  return progress && progress.low <= progress.high
    ? { low: progress.low, high: progress.high }
    : null;
}

function packClientDay(db: Database, clientId: string, day: number): void {
  putTrackDay(db, clientId, day, readRows(db, clientId, day * DAY_MS, (day + 1) * DAY_MS, false));
}

/** The next day to pack: the newest settled one after those done, else the one before them. */
function nextDay(db: Database, progress: PackProgress | null): number | null {
  const { newest, oldest } = statement(
    db,
    'SELECT max(bucket) AS newest, min(bucket) AS oldest FROM positions',
  ).get() as { newest: number | null; oldest: number | null };
  if (newest === null || oldest === null) return null;
  const settled = dayOf((newest + 1) * BUCKET_MS - SETTLE_MS) - 1;
  const first = dayOf(oldest * BUCKET_MS);
  if (!progress) return settled >= first ? settled : null;
  if (progress.high < settled) return progress.high + 1;
  if (progress.low > first) return progress.low - 1;
  return null;
}

/** Client ids in order after `after`, a page at a time (a step rarely gets through many). */
function* clientsAfter(db: Database, after: string): Generator<string> {
  let last = after;
  for (;;) {
    const ids = statement(db, 'SELECT id FROM clients WHERE id > ? ORDER BY id LIMIT 256')
      .pluck()
      .all(last) as string[];
    if (ids.length === 0) return;
    yield* ids;
    last = ids.at(-1)!;
  }
}
