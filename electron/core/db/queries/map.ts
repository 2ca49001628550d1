import type { Database } from 'better-sqlite3';
import type { Alert, Client, Device, Position, Zone } from '../../../../shared/central/records';
import {
  alertMark,
  type ClientDetail,
  type FixTuple,
  type MapSnapshot,
} from '../../../../shared/domain/map';
import { APPROACH, approachWarnings, type Approach } from '../../../../shared/zones/approach';
import { statement } from '../statements';
import { lastFixesOf } from './last-fixes';
import { lastFixFor, trackForClient } from './positions';
import { recordById } from './records';
import { zonesForClient } from './zones';

const parse = <T>(rows: { json: string }[]): T[] => rows.map((row) => JSON.parse(row.json) as T);

/**
 * The two fields of the record the map needs are taken out by SQLite: parsing 10,000 whole client
 * records for them left ~25 MB of garbage in the store's thread per map opened.
 */
export const MAP_CLIENTS_SQL = `
  SELECT c.id, c.display_name, c.case_number, c.status,
    json_extract(c.json, '$.riskLevel') AS risk_level, f.lat, f.lon, f.at, f.accuracy_m, f.speed_kmh
  FROM clients AS c LEFT JOIN last_fixes AS f ON f.client_id = c.id
  WHERE c.status <> 'ended'`;

interface MapClientRow {
  id: string;
  display_name: string;
  case_number: string;
  status: Client['status'];
  risk_level: Client['riskLevel'];
  lat: number | null;
  lon: number | null;
  at: number | null;
  accuracy_m: number | null;
  speed_kmh: number | null;
}

/** Every client under supervision with their newest fix, every zone and every unresolved alert. */
export function mapSnapshot(db: Database): MapSnapshot {
  lastFixesOf(db).flush();
  const clients = (statement(db, MAP_CLIENTS_SQL).all() as MapClientRow[]).map((row) => {
    const fix: FixTuple | null =
      row.at === null
        ? null
        : [row.id, row.lat!, row.lon!, row.at, row.accuracy_m!, row.speed_kmh ?? null];
    return {
      id: row.id,
      name: row.display_name,
      caseNumber: row.case_number,
      riskLevel: row.risk_level,
      status: row.status,
      fix,
    };
  });
  const zones = parse<Zone>(
    statement(db, 'SELECT json FROM zones WHERE deleted = 0').all() as {
      json: string;
    }[],
  );
  const openAlerts = parse<Alert>(
    statement(db, "SELECT json FROM alerts WHERE state <> 'resolved'").all() as { json: string }[],
  ).map(alertMark);
  return { clients, zones, openAlerts };
}

/** The side panel's data for one client; null if the cache does not know them. */
/**
 * A client's record for the panel. With `nowMs` (the console's clock), also the exclusion zones
 * the client is heading for, from the fixes of the last minutes.
 */
export function clientDetail(
  db: Database,
  clientId: string,
  nowMs: number | null = null,
): ClientDetail | null {
  const client = recordById(db, 'clients', clientId);
  if (!client) return null;
  const devices = parse<Device>(
    statement(db, 'SELECT json FROM devices WHERE client_id = ? ORDER BY id').all(clientId) as {
      json: string;
    }[],
  );
  const lastFix = lastFixFor(db, clientId);
  const openAlerts = parse<Alert>(
    statement(
      db,
      "SELECT json FROM alerts WHERE client_id = ? AND state <> 'resolved' ORDER BY severity_rank, raised_at",
    ).all(clientId) as { json: string }[],
  );
  const zones = zonesForClient(db, clientId);
  return {
    view: 'full',
    client,
    devices,
    lastFix,
    openAlerts,
    zones,
    approaches:
      nowMs === null || lastFix === null ? [] : approachesOf(db, clientId, lastFix, zones, nowMs),
  };
}

function approachesOf(
  db: Database,
  clientId: string,
  lastFix: Position,
  zones: Zone[],
  nowMs: number,
): Approach[] {
  const last = Date.parse(lastFix.at);
  const track = trackForClient(db, clientId, last - APPROACH.windowMs, last + 1);
  const fixes = Array.from(track.at, (at, i) => ({ at, lat: track.lat[i]!, lon: track.lon[i]! }));
  return approachWarnings(fixes, zones, nowMs);
}
