import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import { openDatabase } from '../../../electron/core/db/open-database';
import { readLocalState } from '../../../electron/core/db/queries/local-state';
import { DIRTY_FROM_KEY, lastFixesOf } from '../../../electron/core/db/queries/last-fixes';
import { lastPositions } from '../../../electron/core/db/queries/positions';
import { tempDir } from '../../helpers/temp-dir';
import { iso, position, T0 } from '../../fixtures/central-records';
import type { StoredEvent } from '../../../electron/core/db/apply-events';

const MINUTE = 60_000;

/** A catch-up sized batch: `clients` clients, one fix each at `minute`. */
function batch(firstSeq: number, clients: number, minute: number): StoredEvent[] {
  return Array.from({ length: clients }, (_, c) => ({
    seq: firstSeq + c,
    at: iso(T0),
    type: 'position' as const,
    data: position({ id: `c${c}-m${minute}`, clientId: `c${c}`, at: iso(T0 + minute * MINUTE) }),
  }));
}

describe('last fixes', () => {
  it('are written with small (live) batches at once', () => {
    const db = openDatabase(join(tempDir(), 'cache.db'));
    lastFixesOf(db, () => 0);
    applyEvents(db, batch(1, 3, 1));
    expect(readLocalState(db, DIRTY_FROM_KEY)).toBeNull();
    const stored = db.prepare('SELECT id FROM last_fixes ORDER BY id').all() as { id: string }[];
    expect(stored.map((row) => row.id)).toEqual(['c0-m1', 'c1-m1', 'c2-m1']);
    db.close();
  });

  it('are held during a catch-up and re-derived after a crash, with nothing lost', () => {
    const file = join(tempDir(), 'cache.db');
    const db = openDatabase(file);
    lastFixesOf(db, () => 0); // a clock that never moves: large batches never flush
    applyEvents(db, batch(1, 1500, 1));
    applyEvents(db, batch(2000, 1500, 2));
    expect(readLocalState(db, DIRTY_FROM_KEY)).not.toBeNull();
    expect((db.prepare('SELECT count(*) AS n FROM last_fixes').get() as { n: number }).n).toBe(0);
    db.close(); // a crash: what was held in memory is gone

    const reopened = openDatabase(file);
    const fixes = lastPositions(reopened);
    expect(fixes).toHaveLength(1500);
    expect(new Set(fixes.map((fix) => fix.id.split('-')[1]))).toEqual(new Set(['m2']));
    expect(readLocalState(reopened, DIRTY_FROM_KEY)).toBeNull();
    reopened.close();
  });

  it('never take an older fix over a newer one, across batches', () => {
    const db = openDatabase(join(tempDir(), 'cache.db'));
    lastFixesOf(db, () => 0);
    applyEvents(db, batch(1, 1200, 5));
    applyEvents(db, batch(5000, 1200, 3)); // a late upload of older fixes
    expect(new Set(lastPositions(db).map((fix) => fix.id.split('-')[1]))).toEqual(new Set(['m5']));
    db.close();
  });
});
