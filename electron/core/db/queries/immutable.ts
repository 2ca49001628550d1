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
  return (
    statement(
      db,
      'INSERT OR IGNORE INTO journal_entries (id, shift_id, at, json) VALUES (?, ?, ?, ?)',
    ).run(entry.id, entry.shiftId, entry.at, JSON.stringify(entry)).changes > 0
  );
}

/** Operators come with a session and carry no version: the latest seen is kept. */
export function putOperator(db: Database, operator: Operator): void {
  statement(
    db,
    'INSERT INTO operators (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
  ).run(operator.id, JSON.stringify(operator));
}
