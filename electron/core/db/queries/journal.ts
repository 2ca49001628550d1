import type { Database } from 'better-sqlite3';
import type { JournalEntry } from '../../../../shared/central/records';
import { statement } from '../statements';

export const SHIFT_JOURNAL_SQL =
  'SELECT json FROM journal_entries WHERE shift_id = ? ORDER BY at, id';

/** A shift's journal, oldest first. Corrections are entries of their own and stay in order. */
export function journalForShift(db: Database, shiftId: string): JournalEntry[] {
  return (statement(db, SHIFT_JOURNAL_SQL).all(shiftId) as { json: string }[]).map(
    (row) => JSON.parse(row.json) as JournalEntry,
  );
}
