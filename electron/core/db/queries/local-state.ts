import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

export function readLocalState<T>(db: Database, key: string): T | null {
  const row = statement(db, 'SELECT value FROM local_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeLocalState(db: Database, key: string, value: unknown): void {
  statement(
    db,
    'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
