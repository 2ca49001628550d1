import type { Database } from 'better-sqlite3';
import type { Zone } from '../../../../shared/central/records';
import { statement } from '../statements';

export const CLIENT_ZONES_SQL = `
  SELECT z.json FROM zone_clients AS zc
  JOIN zones AS z ON z.id = zc.zone_id
  WHERE zc.client_id = ? AND z.deleted = 0
  ORDER BY z.id`;

/** Every zone in force for a client: their own and the shared zones that list them. */
export function zonesForClient(db: Database, clientId: string): Zone[] {
  return (statement(db, CLIENT_ZONES_SQL).all(clientId) as { json: string }[]).map(
    (row) => JSON.parse(row.json) as Zone,
  );
}

/** Every exclusion zone in force with each client it applies to (for the approach watch). */
export function exclusionZonesByClient(db: Database): { clientId: string; zone: Zone }[] {
  return (
    statement(
      db,
      `SELECT zc.client_id, z.json FROM zone_clients AS zc
       JOIN zones AS z ON z.id = zc.zone_id
       WHERE z.kind = 'exclusion' AND z.deleted = 0`,
    ).all() as { client_id: string; json: string }[]
  ).map((row) => ({ clientId: row.client_id, zone: JSON.parse(row.json) as Zone }));
}
