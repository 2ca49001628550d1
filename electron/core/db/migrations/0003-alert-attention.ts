import type { Migration } from '../migration-type';

/**
 * What this console decides about alerts on its own, beside the service's records: the SLA
 * targets it saw missed (each once, so a breach is escalated and recorded once), and supervisors'
 * suppressions of one alert type for one client for a while. Suppressed alerts are still stored;
 * the queue lists them under their own filter.
 */
export const alertAttention: Migration = {
  version: 3,
  name: 'alert-attention',
  up: (db) => {
    db.exec(`
      CREATE TABLE sla_breaches (
        alert_id TEXT NOT NULL,
        due TEXT NOT NULL CHECK (due IN ('claim', 'resolve')),
        due_at TEXT NOT NULL,
        breached_at TEXT NOT NULL,
        PRIMARY KEY (alert_id, due)
      ) WITHOUT ROWID;
      CREATE TABLE suppressions (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL,
        type TEXT NOT NULL,
        from_at TEXT NOT NULL,
        until_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        operator_id TEXT,
        lifted_at TEXT,
        lifted_by TEXT
      );
      CREATE INDEX suppressions_by_client ON suppressions (client_id, type);
    `);
  },
};
