import type { Database } from 'better-sqlite3';
import type {
  Alert,
  AlertAction,
  JournalEntry,
  ZoneVersion,
} from '../../../../shared/central/records';
import { sourceCode, type TrackWithIds } from '../../../../shared/domain/timeline';
import { statement } from '../statements';
import { readLocalState } from './local-state';
import { CLIENT_TIMELINE_NO_ID_SQL, CLIENT_TIMELINE_SQL, rangeParams } from './positions';

/** local_state key: from when this cache holds everything (see markCoverage). */
export const COVERED_FROM = 'coveredFrom';

/** Alerts raised this long before a window still matter: their actions and clearing may fall in it. */
const LOOKBACK_MS = 30 * 86_400_000;

/**
 * A track as it leaves the worker: typed arrays cross a thread as one copy each, where arrays of
 * 130,000 numbers are cloned number by number.
 */
export interface TrackArrays {
  id: string[];
  at: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  accuracyM: Float32Array;
  source: Uint8Array;
}

/** The page's and the merge's columns (plain arrays, as JSON carries them). */
export function trackColumns(track: TrackArrays): TrackWithIds {
  return {
    id: track.id,
    at: Array.from(track.at),
    lat: Array.from(track.lat),
    lon: Array.from(track.lon),
    accuracyM: Array.from(track.accuracyM),
    source: Array.from(track.source),
  };
}

export interface TimelineRows {
  track: TrackArrays;
  zones: ZoneVersion[];
  alerts: Alert[];
  actions: AlertAction[];
  journal: JournalEntry[];
  /** Milliseconds; null before the first snapshot. */
  coveredFrom: number | null;
}

/**
 * Everything the cache holds about a client in [fromMs, toMs), for one timeline. The fixes' ids
 * only when asked (`withIds`, for the exports): 130,000 strings are most of what crosses from the
 * worker when a page only draws.
 */
export function timelineRows(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
  withIds = true,
): TimelineRows {
  const rows = statement(db, withIds ? CLIENT_TIMELINE_SQL : CLIENT_TIMELINE_NO_ID_SQL)
    .raw(true)
    .all(...rangeParams(clientId, fromMs, toMs)) as unknown[][];
  const n = rows.length;
  const track: TrackArrays = {
    id: withIds ? rows.map((row) => row[0] as string) : [],
    at: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    accuracyM: new Float32Array(n),
    source: new Uint8Array(n),
  };
  const first = withIds ? 1 : 0;
  for (let i = 0; i < n; i += 1) {
    const row = rows[i]!;
    track.at[i] = row[first] as number;
    track.lat[i] = row[first + 1] as number;
    track.lon[i] = row[first + 2] as number;
    track.accuracyM[i] = row[first + 3] as number;
    track.source[i] = sourceCode(row[first + 4] as string);
  }
  const alerts = (
    statement(
      db,
      `SELECT json FROM alerts WHERE client_id = ? AND raised_at >= ? AND raised_at < ?
       ORDER BY raised_at`,
    ).all(clientId, new Date(fromMs - LOOKBACK_MS).toISOString(), new Date(toMs).toISOString()) as {
      json: string;
    }[]
  )
    .map((row) => JSON.parse(row.json) as Alert)
    .filter((alert) => touches(alert, fromMs));
  const alertIds = JSON.stringify(alerts.map((alert) => alert.id));
  const actions = (
    statement(
      db,
      `SELECT json FROM alert_actions WHERE alert_id IN (SELECT value FROM json_each(?))
       ORDER BY at, id`,
    ).all(alertIds) as { json: string }[]
  ).map((row) => JSON.parse(row.json) as AlertAction);
  const journal = (
    statement(
      db,
      `SELECT DISTINCT e.json, e.at FROM journal_refs r JOIN journal_entries e ON e.id = r.entry_id
       WHERE e.at >= ? AND e.at < ? AND ((r.kind = 'client' AND r.ref_id = ?)
         OR (r.kind = 'alert' AND r.ref_id IN (SELECT value FROM json_each(?))))
       ORDER BY e.at`,
    ).all(new Date(fromMs).toISOString(), new Date(toMs).toISOString(), clientId, alertIds) as {
      json: string;
    }[]
  ).map((row) => JSON.parse(row.json) as JournalEntry);
  return {
    track,
    zones: zoneVersionsBetween(db, fromMs, toMs),
    alerts,
    actions,
    journal,
    coveredFrom: readLocalState<number>(db, COVERED_FROM),
  };
}

/** An alert raised before the window that was still open, or cleared or resolved, inside it. */
function touches(alert: Alert, fromMs: number): boolean {
  if (Date.parse(alert.raisedAt) >= fromMs) return true;
  const end = alert.resolvedAt ?? alert.clearedAt;
  return end === null || Date.parse(end) >= fromMs || alert.state !== 'resolved';
}

/** Zone versions valid at some moment of [fromMs, toMs) (the caller keeps those of its client). */
export function zoneVersionsBetween(db: Database, fromMs: number, toMs: number): ZoneVersion[] {
  const rows = statement(
    db,
    `SELECT json, valid_from, valid_to FROM zone_versions
     WHERE valid_from < ? AND (valid_to IS NULL OR valid_to > ?)
     ORDER BY zone_id, version`,
  ).all(toMs, fromMs) as { json: string; valid_from: number; valid_to: number | null }[];
  return rows.map((row) => ({
    ...(JSON.parse(row.json) as Omit<ZoneVersion, 'validFrom' | 'validTo'>),
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: row.valid_to === null ? null : new Date(row.valid_to).toISOString(),
  }));
}

/** The service's versions of a zone (1.1 `zone_history`) replace what the cache pieced together. */
export function putZoneVersions(db: Database, versions: readonly ZoneVersion[]): void {
  const put = statement(
    db,
    `INSERT OR REPLACE INTO zone_versions (zone_id, version, valid_from, valid_to, json)
     VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const { validFrom, validTo, ...zone } of versions)
      put.run(
        zone.id,
        zone.version,
        Date.parse(validFrom),
        validTo === null ? null : Date.parse(validTo),
        JSON.stringify(zone),
      );
  })();
}

/** The ids of zones whose versions the cache holds for a client (current and past). */
export function zoneIdsOfClient(db: Database, clientId: string): string[] {
  return (
    statement(
      db,
      `SELECT DISTINCT zone_id FROM zone_versions
       WHERE json_extract(json, '$.clientId') = ?
          OR EXISTS (SELECT 1 FROM json_each(json, '$.appliesTo') WHERE value = ?)`,
    ).all(clientId, clientId) as { zone_id: string }[]
  ).map((row) => row.zone_id);
}
