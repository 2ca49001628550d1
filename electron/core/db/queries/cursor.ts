import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

/** The last stream seq applied to the cache (0 before the first snapshot). */
export function readCursor(db: Database): number {
  return (statement(db, 'SELECT seq FROM stream_cursor WHERE id = 1').get() as { seq: number }).seq;
}

export function writeCursor(db: Database, seq: number): void {
  statement(db, 'UPDATE stream_cursor SET seq = ? WHERE id = 1').run(seq);
}
