import type { Migration } from '../migration-type';

/**
 * Central API 1.1 `suppressions`: a suppression the service keeps lives beside this console's own,
 * with its id and version there (the version rule applies as to every record); `service_id` is null
 * for a suppression made against a 1.0 service, which stays this console's alone.
 */
export const sharedSuppressions: Migration = {
  version: 8,
  name: 'shared-suppressions',
  up: (db) => {
    db.exec(`
      ALTER TABLE suppressions ADD COLUMN service_id TEXT;
      ALTER TABLE suppressions ADD COLUMN version INTEGER;
      CREATE UNIQUE INDEX suppressions_by_service_id ON suppressions (service_id);
    `);
  },
};
