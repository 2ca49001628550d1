import type { Migration } from '../migration-type';

/**
 * When the cache took each zone (this console's clock, ms). A snapshot lists the zones the service
 * had when it was asked; a zone the cache took after that moment (a supervisor's new zone, its
 * delivery answered while the snapshot loaded) is newer than the snapshot, not deleted from it.
 */
export const zoneCachedAt: Migration = {
  version: 9,
  name: 'zone-cached-at',
  up: (db) => {
    db.exec(`ALTER TABLE zones ADD COLUMN cached_at INTEGER NOT NULL DEFAULT 0;`);
  },
};
