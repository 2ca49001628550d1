import type { Migration } from '../migration-type';

/**
 * Every version of a zone the cache has seen, with when it took effect and when the next one (or
 * the deletion) replaced it: a timeline shows a zone as it was at each moment, not as it is now.
 * Versions fetched from the service (central API 1.1 `zone_history`) land here too. Zones already
 * cached start their history at their own `updatedAt`.
 */
export const zoneVersions: Migration = {
  version: 6,
  name: 'zone-versions',
  up: (db) => {
    db.exec(`
      CREATE TABLE zone_versions (
        zone_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        valid_from INTEGER NOT NULL,
        valid_to INTEGER,
        json TEXT NOT NULL,
        PRIMARY KEY (zone_id, version)
      ) WITHOUT ROWID;
      CREATE INDEX zone_versions_by_time ON zone_versions (valid_from);
      INSERT INTO zone_versions (zone_id, version, valid_from, valid_to, json)
        SELECT id, version, CAST(unixepoch(json_extract(json, '$.updatedAt'), 'subsec') * 1000 AS INTEGER),
               CASE WHEN deleted = 1 THEN CAST(unixepoch(json_extract(json, '$.updatedAt'), 'subsec') * 1000 AS INTEGER) END,
               json
        FROM zones;
    `);
  },
};
