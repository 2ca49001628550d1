import type { Database } from 'better-sqlite3';
import type { TrackColumns } from '../../../../shared/domain/timeline';
import { decodeTrack, encodeTrack } from '../../../../shared/timeline/packed-track';
import { statement } from '../statements';

/**
 * Packed days: each client's fixes of one past UTC day as one value, in the bridge's varint format
 * (shared/timeline/packed-track.ts, ~7 bytes a fix). A timeline of 90 days reads 90 values instead
 * of 130,000 rows: SQLite finds the rows in 25–77 ms, but handing each to JavaScript costs 1–2 µs,
 * and that was half of a first opening's 500 ms.
 *
 * They are an index derived from positions, never the record: exports read the rows (they need
 * each fix's id and every field), and a day is packed only if unpacking gives back exactly what the
 * rows hold (positions to 1e-7 degree, accuracy in whole metres, as devices report them); other
 * days stay rows. A fix stored into a packed day marks it stale, and a stale day is read as rows
 * until the packer has packed it again (track-pack.ts).
 */
export const DAY_MS = 86_400_000;
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** A client's packed days in [fromDay, toDay] that are not stale, in order: unpacked, and as kept. */
export function packedDaysOf(
  db: Database,
  clientId: string,
  fromDay: number,
  toDay: number,
): { day: number; track: TrackColumns; data: Uint8Array }[] {
  const rows = statement(
    db,
    `SELECT day, count, data FROM track_days
     WHERE day BETWEEN ? AND ? AND client_id = ? AND stale = 0 ORDER BY day`,
  )
    .raw(true)
    .all(fromDay, toDay, clientId) as [number, number, Uint8Array][];
  // Copied from the Buffers SQLite hands over: the caller may move them to another thread.
  return rows.map(([day, count, data]) => ({
    day,
    track: decodeTrack(data, count),
    data: new Uint8Array(data),
  }));
}

/** The newest day packed so far, per writing connection: a fix after it cannot make one stale. */
const newestPacked = new WeakMap<Database, number>();

function newestPackedDay(db: Database): number {
  let day = newestPacked.get(db);
  if (day === undefined) {
    const row = statement(db, 'SELECT max(day) AS day FROM track_days').get() as {
      day: number | null;
    };
    day = row.day ?? Number.NEGATIVE_INFINITY;
    newestPacked.set(db, day);
  }
  return day;
}

/**
 * For the ingest: called with each fix stored, marks its day stale if that day is packed. Live
 * fixes are newer than every packed day and cost one comparison.
 */
export function staleMarker(db: Database): (clientId: string, atMs: number) => void {
  const newest = newestPackedDay(db);
  return (clientId, atMs) => {
    const day = dayOf(atMs);
    if (day > newest) return;
    statement(
      db,
      'UPDATE track_days SET stale = 1 WHERE day = ? AND client_id = ? AND stale = 0',
    ).run(day, clientId);
  };
}

/**
 * Packs a client's fixes of one day (read from the rows, in time order) in place of what was
 * there. A day whose fixes would not come back exactly, or that has none, keeps no packed value.
 */
export function putTrackDay(
  db: Database,
  clientId: string,
  day: number,
  track: TrackColumns,
): boolean {
  const count = track.at.length;
  const data = count > 0 ? encodeTrack(track) : null;
  if (!data || !sameFixes(decodeTrack(data, count), track)) {
    statement(db, 'DELETE FROM track_days WHERE day = ? AND client_id = ?').run(day, clientId);
    return false;
  }
  statement(
    db,
    `INSERT INTO track_days (day, client_id, count, data, stale) VALUES (?, ?, ?, ?, 0)
     ON CONFLICT (day, client_id) DO UPDATE SET count = excluded.count, data = excluded.data, stale = 0`,
  ).run(day, clientId, count, data);
  if (day > newestPackedDay(db)) newestPacked.set(db, day);
  return true;
}

function sameFixes(a: TrackColumns, b: TrackColumns): boolean {
  for (let i = 0; i < b.at.length; i += 1)
    if (
      a.at[i] !== b.at[i] ||
      a.lat[i] !== b.lat[i] ||
      a.lon[i] !== b.lon[i] ||
      a.accuracyM[i] !== b.accuracyM[i] ||
      a.source[i] !== b.source[i]
    )
      return false;
  return true;
}

/** Stale days, oldest first: the packer's first work. */
export function staleTrackDays(db: Database, limit: number): { clientId: string; day: number }[] {
  return statement(
    db,
    'SELECT client_id AS clientId, day FROM track_days WHERE stale = 1 ORDER BY day LIMIT ?',
  ).all(limit) as { clientId: string; day: number }[];
}

/**
 * Retention: the packed days that held fixes older than `beforeMs`, the day of the cut-off
 * included (its older fixes are gone; its newer ones are read as rows).
 */
export function purgeTrackDays(db: Database, beforeMs: number): number {
  return statement(db, 'DELETE FROM track_days WHERE day <= ?').run(dayOf(beforeMs)).changes;
}
