import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { tempDir } from './temp-dir';

const open: Database[] = [];

/** A freshly migrated cache in a real file, closed after the test. */
export function cacheDb(): Database {
  const db = openDatabase(join(tempDir(), 'cache.db'));
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** SQLite's plan for a query, one line per step (e.g. "SEARCH positions USING PRIMARY KEY …"). */
export function queryPlan(db: Database, sql: string, ...params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}
