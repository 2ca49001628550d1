import type { Migration } from '../migration-type';

/**
 * Base stations at this console: commissioning reports (a draft while the technician works, then
 * signed and never changed), the devices each report names, and what an attached receiver last
 * heard of each device (kept apart from the service's device records, which stay the service's).
 */
export const stations: Migration = {
  version: 4,
  name: 'stations',
  up: (db) => {
    db.exec(`
      CREATE TABLE commissioning_reports (
        id TEXT PRIMARY KEY,
        station_serial TEXT NOT NULL,
        client_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'signed')),
        started_at TEXT NOT NULL,
        signed_at TEXT,
        json TEXT NOT NULL
      );
      CREATE INDEX commissioning_by_station ON commissioning_reports (station_serial, started_at);
      CREATE INDEX commissioning_by_client ON commissioning_reports (client_id, started_at);
      CREATE TABLE commissioning_devices (
        report_id TEXT NOT NULL REFERENCES commissioning_reports (id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        PRIMARY KEY (device_id, report_id)
      ) WITHOUT ROWID;
      CREATE TABLE device_readings (
        device_id TEXT PRIMARY KEY,
        heard_at TEXT NOT NULL,
        json TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
