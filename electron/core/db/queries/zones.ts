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

/** An exclusion zone in force and every client it keeps away. */
export interface ExclusionZone {
  zone: Zone;
  clientIds: string[];
}

/**
 * Every exclusion zone in force, each once with the clients it applies to (for the approach
 * watch). A shared zone (a school, a victim's street) applies to many clients: read as a row per
 * client, 10,000 clients' zones were 13 MB of JSON parsed into a copy per client, the console's
 * largest allocation at start-up; as a zone each, 0.5 MB.
 */
export function exclusionZones(db: Database): ExclusionZone[] {
  return (
    statement(
      db,
      `SELECT z.json, json_group_array(zc.client_id) AS client_ids
       FROM zones AS z JOIN zone_clients AS zc ON zc.zone_id = z.id
       WHERE z.kind = 'exclusion' AND z.deleted = 0
       GROUP BY z.id`,
    ).all() as { json: string; client_ids: string }[]
  ).map((row) => ({
    zone: JSON.parse(row.json) as Zone,
    clientIds: JSON.parse(row.client_ids) as string[],
  }));
}
