import type { Migration } from '../migration-type';

/**
 * Each client's fixes of a past day packed as one value (see queries/track-days.ts): a timeline
 * reads 90 of these instead of 130,000 rows. Derived from positions, like last_fixes: a late fix
 * in a packed day marks it stale, and until the packer has packed it again it is read as rows.
 */
export const trackDays: Migration = {
  version: 10,
  name: 'track-days',
  up: (db) => {
    db.exec(`
      CREATE TABLE track_days (
        client_id TEXT NOT NULL,
        day INTEGER NOT NULL,
        count INTEGER NOT NULL,
        data BLOB NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, client_id)
      ) WITHOUT ROWID;
      CREATE INDEX track_days_stale ON track_days (day) WHERE stale = 1;
    `);
  },
};
