import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { lastPositions } from '../../../electron/core/db/queries/positions';
import { runUntilBusyThenKill } from '../../helpers/kill';
import { tempDir } from '../../helpers/temp-dir';

const KILLS = 50;
const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** Starts the writer, lets it run for `afterReadyMs` past its first batch, then SIGKILLs it. */

describe('crash safety', () => {
  it(
    `leaves a consistent cache after ${KILLS} SIGKILLs at random moments`,
    { timeout: 240_000 },
    async () => {
      const file = join(tempDir(), 'cache.db');
      let previousCursor = 0;
      for (let kill = 0; kill < KILLS; kill += 1) {
        await runUntilBusyThenKill(CHILD, [file], Math.floor(Math.random() * 120));

        const db = new Database(file);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const cursor = (db.prepare('SELECT seq FROM stream_cursor').get() as { seq: number }).seq;
        const stored = db
          .prepare(
            'SELECT count(*) AS n, max(CAST(substr(id, 2) AS INTEGER)) AS top FROM positions',
          )
          .get() as {
          n: number;
          top: number;
        };
        db.close();
        // Events 1..cursor each wrote exactly one position: none half-applied, none beyond the cursor.
        expect(stored).toEqual({ n: cursor, top: cursor });
        expect(cursor).toBeGreaterThan(previousCursor);
        // Each client's last fix, recovered on open, is its newest stored fix.
        const reopened = openDatabase(file);
        const last = new Map(lastPositions(reopened).map((fix) => [fix.clientId, fix.id]));
        const newest = reopened
          .prepare('SELECT client_id, id, max(at) FROM positions GROUP BY client_id')
          .all() as { client_id: string; id: string }[];
        reopened.close();
        expect(last).toEqual(new Map(newest.map((row) => [row.client_id, row.id])));
        previousCursor = cursor;
      }
    },
  );
});
