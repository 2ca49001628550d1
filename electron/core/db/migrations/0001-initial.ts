import type { Migration } from '../migration-type';

/**
 * The first schema: a cache of every central record, the stream cursor, the outbox of operator
 * actions, local state and the audit log.
 *
 * Mutable records keep the fields the console filters and sorts on as columns and the whole record
 * as JSON. Positions are the bulk of the data (a fix a minute for every client for 90 days), so
 * they are stored as columns only, in one WITHOUT ROWID b-tree keyed by a 10-minute time bucket,
 * then client, then time. The stream brings fixes in time order across all clients: keyed by time
 * bucket first, a batch lands on a few hundred neighbouring pages instead of one page per client,
 * retention removes whole buckets from the front of the tree, and a client's 30 days are 4,320
 * short seeks. `last_fixes` keeps each client's newest fix for the map.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        display_name TEXT NOT NULL,
        case_number TEXT NOT NULL,
        risk_rank INTEGER NOT NULL,
        status TEXT NOT NULL,
        json TEXT NOT NULL
      );

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        client_id TEXT,
        kind TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX devices_by_client ON devices (client_id);

      CREATE TABLE positions (
        bucket INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        accuracy_m REAL NOT NULL,
        speed_kmh REAL,
        source TEXT NOT NULL,
        PRIMARY KEY (bucket, client_id, at, id)
      ) WITHOUT ROWID;

      CREATE TABLE last_fixes (
        client_id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        accuracy_m REAL NOT NULL,
        speed_kmh REAL,
        source TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE zones (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        client_id TEXT,
        kind TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        json TEXT NOT NULL
      );
      -- Which clients a zone applies to: its own client, or the listed ones for a shared zone.
      CREATE TABLE zone_clients (
        client_id TEXT NOT NULL,
        zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
        PRIMARY KEY (client_id, zone_id)
      ) WITHOUT ROWID;
      CREATE INDEX zone_clients_by_zone ON zone_clients (zone_id);

      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        state TEXT NOT NULL,
        severity_rank INTEGER NOT NULL,
        raised_at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      -- Open alerts are a handful among years of resolved ones: a partial index finds them.
      CREATE INDEX alerts_open ON alerts (severity_rank, raised_at) WHERE state <> 'resolved';
      CREATE INDEX alerts_by_client ON alerts (client_id, raised_at);

      CREATE TABLE alert_actions (
        id TEXT PRIMARY KEY,
        alert_id TEXT NOT NULL,
        at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX alert_actions_by_alert ON alert_actions (alert_id, at);

      CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX shifts_by_start ON shifts (started_at);

      CREATE TABLE journal_entries (
        id TEXT PRIMARY KEY,
        shift_id TEXT NOT NULL,
        at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX journal_by_shift ON journal_entries (shift_id, at);

      -- The last stream seq applied; moves only forward, in the same transaction as the events.
      CREATE TABLE stream_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
      INSERT INTO stream_cursor (id, seq) VALUES (1, 0);

      -- Operator actions waiting for the central service. The idempotency key makes a resend safe.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        operation TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
        answer TEXT,
        settled_at TEXT
      );
      CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';

      -- Small facts the console keeps for itself (e.g. the last retention purge).
      CREATE TABLE local_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- Append-only: each row carries the hash of the one before it, so an edit or a deletion
      -- anywhere breaks the chain from that row on.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        operator_id TEXT,
        action TEXT NOT NULL,
        subject_type TEXT,
        subject_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_by_subject ON audit_log (subject_type, subject_id, seq);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
