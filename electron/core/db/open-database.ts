import Database, { type Database as Db } from 'better-sqlite3';
import { LATEST_VERSION, migrations } from './migrations';
import type { Migration } from './migration-type';

/** 'SRGS' in ASCII: marks a SQLite file as a Sargs cache (PRAGMA application_id). */
export const APPLICATION_ID = 0x53524753;

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/**
 * Opens (creating if needed) the console's cache and brings its schema up to date.
 *
 * Nothing is written until the file has proved to be ours and not from a newer console: a
 * database of another program, or one a newer Sargs has migrated, is refused and left as it was.
 */
export function openDatabase(file: string, list: readonly Migration[] = migrations): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new StoreOpenError(`Cannot open the cache ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    checkIdentity(db, file, list.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MiB of page cache: position ingest touches many b-tree pages across clients.
    db.pragma('cache_size = -32768');
    // Checkpoint about every 256 MB of WAL instead of every 4 MB: each checkpoint waits for an
    // fsync, and with 10,000 clients interleaved every commit dirties ~1 page per event. Measured
    // on 1,000-event commits: 26 s per million at the default, 15 s at 25,000 pages, 13 s at 100,000.
    // journal_size_limit gives the space back after each checkpoint.
    db.pragma('wal_autocheckpoint = 65536');
    db.pragma('journal_size_limit = 67108864');
    migrate(db, list);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`Cannot open the cache ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * A read-only connection to a cache that the store's own connection has already opened and
 * migrated: for long reads on another thread (StoreService's readers). It cannot write, so it
 * needs no checks of its own; its reads go through a memory map (mapped-read.ts), so it keeps
 * little page cache.
 */
export function openReader(file: string): Db {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -2048');
    return db;
  } catch (error) {
    throw new StoreOpenError(`Cannot read the cache ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function checkIdentity(db: Db, file: string, latest: number): void {
  let applicationId: number;
  let version: number;
  let tables: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    // SQLITE_NOTADB: the file is not a database at all.
    throw new StoreOpenError(
      `${file} is not a Sargs cache (${(error as Error).message}); it was left untouched.`,
      {
        cause: error,
      },
    );
  }
  const empty = applicationId === 0 && version === 0 && tables === 0;
  if (!empty && applicationId !== APPLICATION_ID) {
    throw new StoreOpenError(
      `${file} is not a Sargs cache (another program's database); it was left untouched.`,
    );
  }
  if (version > latest) {
    throw new StoreOpenError(
      `${file} was written by a newer Sargs (schema ${version}, this console knows up to ${latest}). ` +
        'It was left untouched: run the newer console, or move the file away to start a fresh cache.',
    );
  }
}

/** Runs every pending migration in one transaction: either all apply or none. */
function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${list.length}`);
  }).immediate();
}

export { LATEST_VERSION };
