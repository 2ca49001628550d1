import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../electron/core/db/migration-type';
import { migrations } from '../../../electron/core/db/migrations';
import {
  APPLICATION_ID,
  openDatabase,
  StoreOpenError,
} from '../../../electron/core/db/open-database';
import { tempDir } from '../../helpers/temp-dir';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      sql: string;
    }[]
  ).map((row) => row.sql);
}

describe('migrations', () => {
  it('build the whole schema from an empty database', () => {
    const db = openDatabase(join(tempDir(), 'cache.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((row) => row.name);
    for (const table of [
      'clients',
      'devices',
      'positions',
      'zones',
      'zone_clients',
      'alerts',
      'alert_actions',
      'operators',
      'shifts',
      'journal_entries',
      'stream_cursor',
      'outbox',
      'local_state',
      'audit_log',
    ]) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it.each(migrations.map((migration) => [migration.version, migration.name] as const))(
    'migration %i (%s) from the version before it gives the same schema as a fresh database',
    (version) => {
      const dir = tempDir();
      const stepped = join(dir, 'stepped.db');
      openDatabase(stepped, migrations.slice(0, version - 1)).close();
      const db = openDatabase(stepped);
      const fresh = openDatabase(join(dir, 'fresh.db'));
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      db.close();
      fresh.close();
    },
  );

  it('reopening an up-to-date database changes nothing', () => {
    const file = join(tempDir(), 'cache.db');
    openDatabase(file).close();
    const before = sha(file);
    openDatabase(file).close();
    expect(sha(file)).toBe(before);
  });

  it('refuses a database from a newer Sargs and leaves it untouched', () => {
    const file = join(tempDir(), 'cache.db');
    const db = openDatabase(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(StoreOpenError);
    const latest = migrations.length;
    expect(() => openDatabase(file)).toThrow(
      `newer Sargs (schema ${latest + 1}, this console knows up to ${latest})`,
    );
    expect(sha(file)).toBe(before);
  });

  it('refuses another program’s database and leaves it untouched', () => {
    const file = join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)',
    );
    other.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/not a Sargs cache \(another program's database\)/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database at all', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/not a Sargs cache/);
    expect(sha(file)).toBe(before);
  });

  it('applies pending migrations all together or not at all', () => {
    const file = join(tempDir(), 'cache.db');
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk hiccup');
      },
    };
    expect(() => openDatabase(file, [...migrations, broken])).toThrow(/disk hiccup/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('clients', 'half_done')")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
