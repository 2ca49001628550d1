import type { Database } from 'better-sqlite3';
import type { Position } from '../../../../shared/central/records';
import type { PositionTrack } from '../../../../shared/domain/track';
import { statement } from '../statements';

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

const COLUMNS =
  'client_id, at, id, device_id, received_at, lat, lon, accuracy_m, speed_kmh, source';

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

export const CLIENT_TRACK_SQL = `SELECT ${COLUMNS} FROM positions WHERE client_id = ? AND at >= ? AND at < ? ORDER BY at`;

/** A client's fixes with fix time in [fromMs, toMs), oldest first. */
export function positionsForClient(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
): Position[] {
  const rows = statement(db, CLIENT_TRACK_SQL).all(clientId, fromMs, toMs) as PositionRow[];
  return rows.map(toPosition);
}

export const CLIENT_TRACK_COLUMNS_SQL =
  'SELECT at, lat, lon, accuracy_m, speed_kmh FROM positions WHERE client_id = ? AND at >= ? AND at < ? ORDER BY at';

/** The same range as columns, for drawing (see PositionTrack). */
export function trackForClient(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
): PositionTrack {
  const rows = statement(db, CLIENT_TRACK_COLUMNS_SQL).raw(true).all(clientId, fromMs, toMs) as [
    number,
    number,
    number,
    number,
    number | null,
  ][];
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

/**
 * The newest fix of every known client. Driven from `clients`: for each one, max(at) is a single
 * seek at the end of its (client_id, at) range and the row another, so the cost grows with the
 * number of clients, never with the billion rows a 90-day cache can hold.
 */
export const LAST_POSITIONS_SQL = `
  SELECT ${COLUMNS.split(', ')
    .map((column) => `p.${column}`)
    .join(', ')}
  FROM clients AS c
  JOIN positions AS p
    ON p.client_id = c.id AND p.at = (SELECT max(q.at) FROM positions AS q WHERE q.client_id = c.id)
  GROUP BY c.id`;

export function lastPositions(db: Database): Position[] {
  return (statement(db, LAST_POSITIONS_SQL).all() as PositionRow[]).map(toPosition);
}

/** The next clients with fixes, one index seek each (DISTINCT would read every row they have). */
export const PURGE_CLIENTS_SQL = `
  WITH RECURSIVE next (client_id) AS (
    SELECT (SELECT min(client_id) FROM positions WHERE client_id > ?)
    UNION ALL
    SELECT (SELECT min(p.client_id) FROM positions AS p WHERE p.client_id > next.client_id)
    FROM next WHERE next.client_id IS NOT NULL
  )
  SELECT client_id FROM next WHERE client_id IS NOT NULL LIMIT ?`;
export const PURGE_SQL = 'DELETE FROM positions WHERE client_id = ? AND at < ?';

export interface PurgeStep {
  deleted: number;
  /** Where the next step starts; null when every client has been visited. */
  nextClientId: string | null;
}

/**
 * Deletes fixes older than `beforeMs` for the next `clients` clients after `afterClientId`.
 * Each step is one short transaction, so ingest runs between steps.
 */
export function purgePositionsStep(
  db: Database,
  beforeMs: number,
  afterClientId: string,
  clients: number,
): PurgeStep {
  return db.transaction((): PurgeStep => {
    const ids = statement(db, PURGE_CLIENTS_SQL).all(afterClientId, clients) as {
      client_id: string;
    }[];
    let deleted = 0;
    for (const { client_id } of ids)
      deleted += statement(db, PURGE_SQL).run(client_id, beforeMs).changes;
    const last = ids.at(-1);
    return { deleted, nextClientId: ids.length < clients || !last ? null : last.client_id };
  })();
}
