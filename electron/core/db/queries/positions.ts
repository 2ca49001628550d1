import type { Database } from 'better-sqlite3';
import type { Position } from '../../../../shared/central/records';
import type { PositionTrack } from '../../../../shared/domain/track';
import { clientOf, deviceOf, idOf, sourceOf, speedOf, type PackedPositions } from '../packed-batch';
import { bucketOf, FIX_COLUMNS as COLUMNS } from './position-layout';
import { lastFixesOf } from './last-fixes';
import { purgeVictimPositions } from './victims';
import { statement } from '../statements';
import { purgeTrackDays, staleMarker } from './track-days';

export { BUCKET_MS, bucketOf } from './position-layout';

interface PositionRow {
  client_id: string;
  at: number;
  id: string;
  device_id: string;
  received_at: number;
  lat: number;
  lon: number;
  accuracy_m: number;
  speed_kmh: number | null;
  source: Position['source'];
}

const P_COLUMNS = COLUMNS.split(', ')
  .map((column) => `p.${column}`)
  .join(', ');

function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    deviceId: row.device_id,
    clientId: row.client_id,
    at: new Date(row.at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
    lat: row.lat,
    lon: row.lon,
    accuracyM: row.accuracy_m,
    speedKmh: row.speed_kmh,
    source: row.source,
  };
}

const INSERT_SQL = `INSERT OR IGNORE INTO positions (bucket, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Stores the given fixes of a packed batch in the table's key order (bucket, client, time); a
 * repeat of an id is ignored. Returns the indices it stored, in that order.
 *
 * The stream brings fixes minute by minute across 10,000 clients, so in arrival order each insert
 * lands on another client's page: ~10,000 pages, more than the page cache holds, each touched again
 * and again in a batch. In key order a batch sweeps them once. No fix depends on another.
 */
export function putPackedPositions(
  db: Database,
  p: PackedPositions,
  indices: readonly number[],
): number[] {
  const insert = statement(db, INSERT_SQL);
  const markStale = staleMarker(db);
  const stored: number[] = [];
  for (const i of inKeyOrder(p, indices)) {
    const at = p.at[i]!;
    const changes = insert.run(
      bucketOf(at),
      clientOf(p, i),
      at,
      idOf(p, i),
      deviceOf(p, i),
      p.receivedAt[i],
      p.lat[i],
      p.lon[i],
      p.accuracyM[i],
      speedOf(p, i),
      sourceOf(p, i),
    ).changes;
    if (changes > 0) {
      stored.push(i);
      markStale(clientOf(p, i), at);
    }
  }
  return stored;
}

function inKeyOrder(p: PackedPositions, indices: readonly number[]): number[] {
  // Buckets worked out once per fix, and clients ranked once per batch by id (the table's order),
  // rather than both in each of the sort's comparisons.
  const bucket = new Float64Array(p.count);
  for (const i of indices) bucket[i] = bucketOf(p.at[i]!);
  const rank = new Uint32Array(p.clients.length);
  [...p.clients.keys()]
    .sort((a, b) => (p.clients[a]! < p.clients[b]! ? -1 : p.clients[a]! > p.clients[b]! ? 1 : 0))
    .forEach((client, r) => (rank[client] = r));
  return [...indices].sort(
    (a, b) =>
      bucket[a]! - bucket[b]! || rank[p.client[a]!]! - rank[p.client[b]!]! || p.at[a]! - p.at[b]!,
  );
}

/**
 * Each client's newest fix among `keyOrdered` (indices in the table's key order, as
 * putPackedPositions returns them). A client's fixes are in time order there, a run per bucket,
 * so its newest ends its last run: one map write per run, not one look-up per fix.
 */
export function newestPerClient(p: PackedPositions, keyOrdered: readonly number[]): number[] {
  const newest = new Map<number, number>();
  for (let k = 0; k < keyOrdered.length; k += 1) {
    const i = keyOrdered[k]!;
    const next = keyOrdered[k + 1];
    if (next === undefined || p.client[next] !== p.client[i]) newest.set(p.client[i]!, i);
  }
  return [...newest.values()];
}

/**
 * A client's fixes in [from, to): one primary-key seek per 10-minute bucket in the range, driven
 * by a generated list of buckets (a range on the first key column would scan every client).
 */
function rangeSql(columns: string, order = 'ORDER BY p.bucket, p.at'): string {
  return `
    WITH RECURSIVE buckets (b) AS (SELECT ? UNION ALL SELECT b + 1 FROM buckets WHERE b < ?)
    SELECT ${columns} FROM buckets
    JOIN positions AS p ON p.bucket = buckets.b AND p.client_id = ?
    WHERE p.at >= ? AND p.at < ?
    ${order}`;
}

export const CLIENT_TRACK_SQL = rangeSql(P_COLUMNS);
export const CLIENT_TRACK_COLUMNS_SQL = rangeSql('p.at, p.lat, p.lon, p.accuracy_m, p.speed_kmh');
/**
 * The timeline's fixes without ORDER BY: SQLite would sort 130,000 rows in a temporary B-tree that
 * the bucket-by-bucket seeks make needless (readTrack checks the order and mends it).
 */
export const CLIENT_TIMELINE_SQL = rangeSql('p.id, p.at, p.lat, p.lon, p.accuracy_m, p.source', '');
export const CLIENT_TIMELINE_NO_ID_SQL = rangeSql('p.at, p.lat, p.lon, p.accuracy_m, p.source', '');

export function rangeParams(
  clientId: string,
  fromMs: number,
  toMs: number,
): [number, number, string, number, number] {
  return [bucketOf(fromMs), bucketOf(Math.max(fromMs, toMs - 1)), clientId, fromMs, toMs];
}

/** A client's fixes with fix time in [fromMs, toMs), oldest first, as full records. */
export function positionsForClient(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
): Position[] {
  if (toMs <= fromMs) return [];
  const rows = statement(db, CLIENT_TRACK_SQL).all(
    ...rangeParams(clientId, fromMs, toMs),
  ) as PositionRow[];
  return rows.map(toPosition);
}

/** The same range as columns, for drawing (see PositionTrack). */
export function trackForClient(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
): PositionTrack {
  const rows = (
    toMs <= fromMs
      ? []
      : statement(db, CLIENT_TRACK_COLUMNS_SQL)
          .raw(true)
          .all(...rangeParams(clientId, fromMs, toMs))
  ) as [number, number, number, number, number | null][];
  const count = rows.length;
  const track: PositionTrack = {
    clientId,
    count,
    at: new Float64Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    accuracyM: new Float32Array(count),
    speedKmh: new Float32Array(count),
  };
  for (let i = 0; i < count; i += 1) {
    const [at, lat, lon, accuracy, speed] = rows[i]!;
    track.at[i] = at;
    track.lat[i] = lat;
    track.lon[i] = lon;
    track.accuracyM[i] = accuracy;
    track.speedKmh[i] = speed ?? Number.NaN;
  }
  return track;
}

export const LAST_POSITIONS_SQL = `SELECT ${COLUMNS} FROM last_fixes`;

/** The newest fix of every client that has one (kept even after older fixes are purged). */
export function lastPositions(db: Database): Position[] {
  lastFixesOf(db).flush();
  return (statement(db, LAST_POSITIONS_SQL).all() as PositionRow[]).map(toPosition);
}

/** One client's newest fix, or null. */
export function lastFixFor(db: Database, clientId: string): Position | null {
  lastFixesOf(db).flush();
  const row = statement(db, `${LAST_POSITIONS_SQL} WHERE client_id = ?`).get(clientId) as
    PositionRow | undefined;
  return row ? toPosition(row) : null;
}

export const OLDEST_BUCKET_SQL = 'SELECT min(bucket) AS bucket FROM positions';
export const PURGE_BUCKET_SQL = 'DELETE FROM positions WHERE bucket = ? AND at < ?';

export interface PurgeStep {
  deleted: number;
  /** True when nothing older than the cut-off is left. */
  done: boolean;
}

/**
 * Deletes the fixes older than `beforeMs` in the oldest bucket: one short transaction at the front
 * of the tree, so stream batches are applied between steps.
 */
export function purgePositionsStep(db: Database, beforeMs: number): PurgeStep {
  return db.transaction((): PurgeStep => {
    // Victims' fixes are few (a unit per order): they go in one statement with each step.
    purgeVictimPositions(db, beforeMs);
    // Packed days go first: none may show a fix that retention has removed.
    purgeTrackDays(db, beforeMs);
    const { bucket } = statement(db, OLDEST_BUCKET_SQL).get() as { bucket: number | null };
    if (bucket === null || bucket > bucketOf(beforeMs)) return { deleted: 0, done: true };
    const deleted = statement(db, PURGE_BUCKET_SQL).run(bucket, beforeMs).changes;
    // The bucket holding the cut-off keeps its newer fixes: nothing older remains after it.
    return { deleted, done: bucket === bucketOf(beforeMs) };
  })();
}
