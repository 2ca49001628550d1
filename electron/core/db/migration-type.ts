import type { Database } from 'better-sqlite3';

export interface Migration {
  /** user_version after this migration: 1, 2, 3 … with no gaps. */
  version: number;
  name: string;
  /** Runs inside the migration transaction; must not open its own. */
  up(db: Database): void;
}
