import type { Database } from 'better-sqlite3';
import type {
  Alert,
  AlertAction,
  JournalEntry,
  ZoneVersion,
} from '../../../../shared/central/records';
import { statement } from '../statements';
import { readLocalState } from './local-state';

/** local_state key: from when this cache holds everything (see markCoverage). */
export const COVERED_FROM = 'coveredFrom';

/** Alerts raised this long before a window still matter: their actions and clearing may fall in it. */
const LOOKBACK_MS = 30 * 86_400_000;

/** What the cache holds about a client's window besides the fixes (see readTrack). */
export interface TimelineRows {
  zones: ZoneVersion[];
  alerts: Alert[];
  actions: AlertAction[];
  journal: JournalEntry[];
  /** Milliseconds; null before the first snapshot. */
  coveredFrom: number | null;
}

/** Everything the cache holds about a client in [fromMs, toMs) but the fixes, for one timeline. */
export function timelineRows(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
): TimelineRows {
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
  ).all(toMs, fromMs) as ZoneVersionRow[];
  return rows.map(toZoneVersion);
}

export interface ZoneVersionRow {
  json: string;
  valid_from: number;
  valid_to: number | null;
}

export function toZoneVersion(row: ZoneVersionRow): ZoneVersion {
  return {
    ...(JSON.parse(row.json) as Omit<ZoneVersion, 'validFrom' | 'validTo'>),
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: row.valid_to === null ? null : new Date(row.valid_to).toISOString(),
  };
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
