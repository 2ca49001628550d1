import { describe, expect, it } from 'vitest';
import { applyEvents, applySnapshot } from '../../../electron/core/db/apply-events';
import { readCursor } from '../../../electron/core/db/queries/cursor';
import { zonesForClient } from '../../../electron/core/db/queries/zones';
import { openAlertsByPriority } from '../../../electron/core/db/queries/alerts';
import { cacheDb } from '../../helpers/cache-db';
import { lastPositions } from '../../../electron/core/db/queries/positions';
import {
  alert,
  client,
  events,
  iso,
  position,
  positionEvent,
  T0,
  zone,
} from '../../fixtures/central-records';

const clientJson = (db: ReturnType<typeof cacheDb>, id: string) =>
  JSON.parse(
    (db.prepare('SELECT json FROM clients WHERE id = ?').get(id) as { json: string }).json,
  );

describe('version rule', () => {
  it('keeps the newest record whatever order the versions arrive in', () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'client', data: client({ version: 3, displayName: 'v3' }) },
        { type: 'client', data: client({ version: 1, displayName: 'v1' }) },
        { type: 'client', data: client({ version: 2, displayName: 'v2' }) },
        { type: 'client', data: client({ version: 3, displayName: 'v3 again, different' }) },
      ]),
    );
    expect(clientJson(db, 'c1')).toMatchObject({ version: 3, displayName: 'v3' });
  });

  it('takes a newer version', () => {
    const db = cacheDb();
    const result = applyEvents(
      db,
      events(1, [
        { type: 'alert', data: alert({ version: 1, state: 'open' }) },
        { type: 'alert', data: alert({ version: 2, state: 'claimed', claimedBy: 'op1' }) },
      ]),
    );
    expect(result).toEqual({ applied: 2, duplicates: 0, unchanged: 0, cursor: 2 });
    expect(openAlertsByPriority(db)[0]).toMatchObject({ version: 2, state: 'claimed' });
  });
});

describe('applying the stream', () => {
  it('skips events at or below the cursor: a replay changes nothing', () => {
    const db = cacheDb();
    const batch = [positionEvent(1), positionEvent(2), positionEvent(3)];
    expect(applyEvents(db, batch)).toEqual({ applied: 3, duplicates: 0, unchanged: 0, cursor: 3 });
    expect(applyEvents(db, [...batch, positionEvent(4)])).toEqual({
      applied: 1,
      duplicates: 3,
      unchanged: 0,
      cursor: 4,
    });
    expect((db.prepare('SELECT count(*) AS n FROM positions').get() as { n: number }).n).toBe(4);
  });

  it('counts a mixed batch as it came, whatever order its fixes are stored in', () => {
    const db = cacheDb();
    applyEvents(db, [positionEvent(1, 'c2')]);
    // Fixes across clients and 10-minute buckets, against the table's key order, between
    // records; one repeats a stored fix's id, one is at the cursor already.
    const fix = (seq: number, clientId: string, minutes: number) => ({
      seq,
      at: iso(T0 + seq),
      type: 'position' as const,
      data: position({ id: `p${seq}`, clientId, at: iso(T0 + minutes * 60_000) }),
    });
    const result = applyEvents(db, [
      positionEvent(1, 'c2'),
      fix(2, 'c9', 25),
      { seq: 3, at: iso(T0), type: 'client', data: client({ id: 'c9', version: 1 }) },
      fix(4, 'c1', 12),
      fix(5, 'c9', 3),
      { ...positionEvent(1, 'c2'), seq: 6 },
      { seq: 7, at: iso(T0), type: 'client', data: client({ id: 'c9', version: 1 }) },
      fix(8, 'c1', 11),
    ]);
    expect(result).toEqual({ applied: 5, duplicates: 1, unchanged: 2, cursor: 8 });
    const stored = db.prepare('SELECT id FROM positions ORDER BY id').pluck().all();
    expect(stored).toEqual(['p1', 'p2', 'p4', 'p5', 'p8']);
    expect(Object.fromEntries(lastPositions(db).map((p) => [p.clientId, p.id]))).toEqual({
      c1: 'p4',
      c2: 'p1',
      c9: 'p2',
    });
  });

  it('advances the cursor over gaps and heartbeats', () => {
    const db = cacheDb();
    applyEvents(db, [
      positionEvent(5),
      { seq: 9, at: '2026-11-21T18:00:00.000Z', type: 'heartbeat', data: {} },
    ]);
    expect(readCursor(db)).toBe(9);
  });

  it('applies a batch and its cursor together, or neither', () => {
    const db = cacheDb();
    applyEvents(db, [positionEvent(1)]);
    // A fault halfway through the batch (here: a trigger standing in for a full disk).
    db.exec(`CREATE TRIGGER fail BEFORE INSERT ON positions WHEN NEW.id = 'p3'
             BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`);
    expect(() => applyEvents(db, [positionEvent(2), positionEvent(3), positionEvent(4)])).toThrow(
      'simulated fault',
    );
    expect(readCursor(db)).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM positions').get() as { n: number }).n).toBe(1);
  });

  it('keeps a deleted zone deleted when an old version of it is replayed', () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'zone', data: zone({ version: 2 }) },
        { type: 'zone.deleted', data: { id: 'z1' } },
        { type: 'zone', data: zone({ version: 1 }) },
      ]),
    );
    expect(zonesForClient(db, 'c1')).toEqual([]);
  });

  it('links a shared zone to every client it lists', () => {
    const db = cacheDb();
    const school = zone({
      id: 'school',
      clientId: null,
      appliesTo: ['c1', 'c2'],
      kind: 'exclusion',
      schedule: null,
    });
    applyEvents(db, events(1, [{ type: 'zone', data: school }]));
    expect(zonesForClient(db, 'c2').map((z) => z.id)).toEqual(['school']);
    applyEvents(
      db,
      events(2, [{ type: 'zone', data: { ...school, version: 2, appliesTo: ['c2'] } }]),
    );
    expect(zonesForClient(db, 'c1')).toEqual([]);
    expect(zonesForClient(db, 'c2').map((z) => z.version)).toEqual([2]);
  });
});

describe('snapshot', () => {
  it('becomes the new truth: cursor set to its seq, zones it lacks tombstoned', () => {
    const db = cacheDb();
    applyEvents(db, events(1, [{ type: 'zone', data: zone({ id: 'gone' }) }]));
    applySnapshot(db, {
      seq: 500,
      clients: [client()],
      devices: [],
      zones: [zone({ id: 'kept' })],
      openAlerts: [alert()],
      lastPositions: [],
    });
    expect(readCursor(db)).toBe(500);
    expect(zonesForClient(db, 'c1').map((z) => z.id)).toEqual(['kept']);
    expect(openAlertsByPriority(db)).toHaveLength(1);
  });

  it('keeps a zone the cache took after the snapshot was asked for (newer than the snapshot)', () => {
    const db = cacheDb();
    const before = Date.now() - 60_000;
    applyEvents(db, events(1, [{ type: 'zone', data: zone({ id: 'older' }) }]));
    db.prepare('UPDATE zones SET cached_at = ? WHERE id = ?').run(before - 1, 'older');
    // A supervisor's new zone, delivered while the snapshot was loading.
    applyEvents(db, events(2, [{ type: 'zone', data: zone({ id: 'made-meanwhile' }) }]));
    const snapshot = {
      seq: 500,
      clients: [client()],
      devices: [],
      zones: [],
      openAlerts: [],
      lastPositions: [],
    };
    applySnapshot(db, snapshot, [], before);
    expect(zonesForClient(db, 'c1').map((z) => z.id)).toEqual(['made-meanwhile']);
    // Asked for after it was cached: the service no longer has it.
    applySnapshot(db, snapshot, [], Date.now() + 1);
    expect(zonesForClient(db, 'c1')).toEqual([]);
  });
});
