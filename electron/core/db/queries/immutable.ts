import type { Database } from 'better-sqlite3';
import type { AlertAction, JournalEntry, Operator } from '../../../../shared/central/records';
import { statement } from '../statements';

// Records that never change once made: a repeat of the same id is a replay and is ignored.
// (Positions, the bulk of them, have their own file: queries/positions.ts.)

export function putAlertAction(db: Database, action: AlertAction): boolean {
  return (
    statement(
      db,
      'INSERT OR IGNORE INTO alert_actions (id, alert_id, at, json) VALUES (?, ?, ?, ?)',
    ).run(action.id, action.alertId, action.at, JSON.stringify(action)).changes > 0
  );
}

export function putJournalEntry(db: Database, entry: JournalEntry): boolean {
  const inserted = statement(
    db,
    `INSERT OR IGNORE INTO journal_entries (id, shift_id, at, json, category, operator_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(entry.id, entry.shiftId, entry.at, JSON.stringify(entry), entry.category, entry.operatorId);
  if (inserted.changes === 0) return false;
  // Indexed once, with the entry: entries never change, so the index never needs updating.
  statement(db, 'INSERT INTO journal_fts (rowid, text) VALUES (?, ?)').run(
    inserted.lastInsertRowid,
    entry.text,
  );
  const refs = statement(
    db,
    'INSERT OR IGNORE INTO journal_refs (kind, ref_id, entry_id) VALUES (?, ?, ?)',
  );
  for (const id of entry.refs.alertIds) refs.run('alert', id, entry.id);
  for (const id of entry.refs.clientIds) refs.run('client', id, entry.id);
  for (const id of entry.refs.deviceIds) refs.run('device', id, entry.id);
  return true;
}

/** Operators come with a session and carry no version: the latest seen is kept. */
export function putOperator(db: Database, operator: Operator): void {
  statement(
    db,
    'INSERT INTO operators (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
  ).run(operator.id, JSON.stringify(operator));
}
