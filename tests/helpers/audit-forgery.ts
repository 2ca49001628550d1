import type { Database } from 'better-sqlite3';
import { entryOf, GENESIS, hashOf, type AuditDbRow } from '../../electron/core/db/queries/audit';

/**
 * What someone holding the cache file can do to its audit log: drop the append-only triggers and
 * change rows. The tests use these to show what verification catches.
 */
export function dropAuditTriggers(db: Database): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

/** Recomputes every hash from the genesis on: what a careful forger does after an edit. */
export function rechain(db: Database): void {
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditDbRow[]) {
    const hash = hashOf(prev, entryOf(row));
    update.run(prev, hash, row.seq);
    prev = hash;
  }
}

/**
 * Deletes a row, renumbers the rest, winds AUTOINCREMENT back (or the next row would leave a gap)
 * and recomputes every hash: a forgery that holds by itself.
 */
export function forgeDeletion(db: Database, seq: number): void {
  dropAuditTriggers(db);
  db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
  db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > ?').run(seq);
  db.prepare("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit_log'").run();
  rechain(db);
}
