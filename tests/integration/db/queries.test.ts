import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import {
  actionsForAlert,
  ALERT_ACTIONS_SQL,
  CLIENT_ALERTS_SQL,
  ALERT_QUEUE_SQL,
  openAlertsByPriority,
} from '../../../electron/core/db/queries/alerts';
import { journalForShift, SHIFT_JOURNAL_SQL } from '../../../electron/core/db/queries/journal';
import {
  BUCKET_MS,
  CLIENT_TRACK_COLUMNS_SQL,
  CLIENT_TRACK_SQL,
  LAST_POSITIONS_SQL,
  lastPositions,
  OLDEST_BUCKET_SQL,
  PURGE_BUCKET_SQL,
  positionsForClient,
  trackForClient,
} from '../../../electron/core/db/queries/positions';
import { readTrack } from '../../../electron/core/db/queries/track-read';
import { openDatabase } from '../../../electron/core/db/open-database';
import {
  CLIENT_ZONES_SQL,
  exclusionZones,
  zonesForClient,
} from '../../../electron/core/db/queries/zones';
import { ATTENTION_SQL, DUE_SQL } from '../../../electron/core/db/queries/outbox';
import { cacheDb, queryPlan } from '../../helpers/cache-db';
import { alert, client, events, iso, position, T0, zone } from '../../fixtures/central-records';

const MINUTE = 60_000;
const idMinute = (id: string) => (id === 'late' ? 59.5 : Number(id.split('-')[1]));

/** A plan reads only through indexes: no step scans a whole table. */
function expectIndexedOnly(plan: string[], uses: string): void {
  expect(plan.join('\n')).toContain(uses);
  for (const step of plan)
    expect(step).not.toMatch(
      /^SCAN (positions|alerts|alert_actions|journal_entries|zones|zone_clients)\b(?! USING)/,
    );
}

describe('open alerts by priority', () => {
  it('orders by severity, then the client’s risk, then age; hides resolved, keeps cleared', () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'client', data: client({ id: 'low', riskLevel: 'low' }) },
        { type: 'client', data: client({ id: 'vhigh', riskLevel: 'very_high' }) },
        {
          type: 'alert',
          data: alert({
            id: 'medium-old',
            clientId: 'vhigh',
            severity: 'medium',
            raisedAt: iso(T0),
          }),
        },
        {
          type: 'alert',
          data: alert({
            id: 'high-lowrisk',
            clientId: 'low',
            severity: 'high',
            raisedAt: iso(T0 - MINUTE),
          }),
        },
        {
          type: 'alert',
          data: alert({
            id: 'high-vhigh-new',
            clientId: 'vhigh',
            severity: 'high',
            raisedAt: iso(T0),
          }),
        },
        {
          type: 'alert',
          data: alert({
            id: 'high-vhigh-old',
            clientId: 'vhigh',
            severity: 'high',
            raisedAt: iso(T0 - MINUTE),
          }),
        },
        {
          type: 'alert',
          data: alert({ id: 'critical', clientId: 'low', severity: 'critical', raisedAt: iso(T0) }),
        },
        {
          type: 'alert',
          data: alert({ id: 'cleared', clientId: 'low', severity: 'low', clearedAt: iso(T0) }),
        },
        {
          type: 'alert',
          data: alert({ id: 'done', clientId: 'vhigh', severity: 'critical', state: 'resolved' }),
        },
      ]),
    );
    expect(openAlertsByPriority(db).map((a) => a.id)).toEqual([
      'critical',
      'high-vhigh-old',
      'high-vhigh-new',
      'high-lowrisk',
      'medium-old',
      'cleared',
    ]);
  });

  it('finds open alerts through the partial index, and their suppressions and breaches by key', () => {
    const plan = queryPlan(cacheDb(), ALERT_QUEUE_SQL);
    expectIndexedOnly(plan, 'USING INDEX alerts_open');
    expect(plan.join('\n')).toContain('SEARCH s USING INDEX suppressions_by_client');
    expect(plan.join('\n')).toContain('SEARCH b USING PRIMARY KEY');
    expect(plan.join('\n')).not.toMatch(/SCAN (s|b)\b/);
  });

  it('reads a client’s alerts and an alert’s journal through their indexes', () => {
    const db = cacheDb();
    expectIndexedOnly(
      queryPlan(db, CLIENT_ALERTS_SQL, 'c1', iso(T0), iso(T0)),
      'alerts_by_client (client_id=? AND raised_at>? AND raised_at<?)',
    );
    expectIndexedOnly(
      queryPlan(db, ALERT_ACTIONS_SQL, 'a1'),
      'alert_actions_by_alert (alert_id=?)',
    );
    applyEvents(
      db,
      events(1, [
        {
          type: 'alert.action',
          data: {
            id: 'x2',
            alertId: 'a1',
            operatorId: 'op',
            at: iso(T0 + 2),
            kind: 'note',
            payload: { text: 'b' },
          },
        },
        {
          type: 'alert.action',
          data: {
            id: 'x1',
            alertId: 'a1',
            operatorId: 'op',
            at: iso(T0 + 1),
            kind: 'claim',
            payload: {},
          },
        },
      ]),
    );
    expect(actionsForAlert(db, 'a1').map((a) => a.id)).toEqual(['x1', 'x2']);
  });
});

describe('positions', () => {
  function seed() {
    const db = cacheDb();
    const items = [];
    for (let minute = 0; minute < 60; minute += 1) {
      for (const clientId of ['c1', 'c2']) {
        items.push({
          type: 'position' as const,
          data: position({ id: `${clientId}-${minute}`, clientId, at: iso(T0 + minute * MINUTE) }),
        });
      }
    }
    applyEvents(
      db,
      events(1, [
        { type: 'client', data: client({ id: 'c1' }) },
        { type: 'client', data: client({ id: 'c2' }) },
        ...items,
      ]),
    );
    return db;
  }

  it('returns a client’s fixes in [from, to), oldest first', () => {
    const track = positionsForClient(seed(), 'c1', T0 + 10 * MINUTE, T0 + 20 * MINUTE);
    expect(track.map((p) => p.id)).toEqual(Array.from({ length: 10 }, (_, i) => `c1-${10 + i}`));
    expect(track[0]).toEqual(position({ id: 'c1-10', clientId: 'c1', at: iso(T0 + 10 * MINUTE) }));
  });

  it('gives the same range as columns for drawing', () => {
    const track = trackForClient(seed(), 'c2', T0 + 10 * MINUTE, T0 + 13 * MINUTE);
    expect(track.count).toBe(3);
    expect([...track.at]).toEqual([10, 11, 12].map((m) => T0 + m * MINUTE));
    expect([...track.lat]).toEqual([56.95, 56.95, 56.95]);
    expect([...track.speedKmh]).toEqual([4, 4, 4]);
  });

  it('reads a time range with one primary-key seek per 10-minute bucket', () => {
    for (const sql of [CLIENT_TRACK_SQL, CLIENT_TRACK_COLUMNS_SQL]) {
      expectIndexedOnly(
        queryPlan(cacheDb(), sql, 0, 1, 'c1', 0, 1),
        'SEARCH p USING PRIMARY KEY (bucket=? AND client_id=? AND at>? AND at<?)',
      );
    }
  });

  it('finds fixes across bucket edges and not outside the range', () => {
    const db = cacheDb();
    const edge = Math.ceil(T0 / BUCKET_MS) * BUCKET_MS;
    const times = [edge - 2, edge - 1, edge, edge + 1, edge + BUCKET_MS * 3];
    applyEvents(
      db,
      events(
        1,
        times.map((at, i) => ({
          type: 'position' as const,
          data: position({ id: `e${i}`, at: iso(at) }),
        })),
      ),
    );
    expect(positionsForClient(db, 'c1', edge - 1, edge + 1).map((p) => p.id)).toEqual(['e1', 'e2']);
    expect(trackForClient(db, 'c1', edge - 2, edge + BUCKET_MS * 3 + 1).count).toBe(5);
    expect(positionsForClient(db, 'c1', edge, edge).length).toBe(0);
  });

  it('reads the timeline’s columns mapped, including fixes another connection left in the WAL', () => {
    const db = seed();
    // A second connection's write sits in the WAL (not checkpointed): the mapped read must see it.
    const writer = openDatabase(db.name);
    applyEvents(
      writer,
      events(200, [
        {
          type: 'position',
          data: position({ id: 'late', clientId: 'c1', at: iso(T0 + 59.5 * MINUTE) }),
        },
      ]),
    );
    const track = readTrack(db, 'c1', T0, T0 + 60 * MINUTE, true);
    writer.close();
    expect(track.id).toEqual(
      [...Array.from({ length: 60 }, (_, i) => `c1-${i}`), 'late'].sort(
        (a, b) => idMinute(a) - idMinute(b),
      ),
    );
    expect(track.at[60]).toBe(T0 + 59.5 * MINUTE);
    // Mapped for that read only: the ingest's pages do not stay in the console's memory.
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
  });

  it('keeps each client’s newest fix, whatever order fixes arrive in', () => {
    const db = seed();
    applyEvents(
      db,
      events(1000, [
        { type: 'position', data: position({ id: 'late-old', clientId: 'c1', at: iso(T0) }) },
      ]),
    );
    expect(
      lastPositions(db)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['c1-59', 'c2-59']);
    expect(queryPlan(db, LAST_POSITIONS_SQL)).toEqual(['SCAN last_fixes']);
  });

  it('purges from the front of the primary key, a bucket at a time', () => {
    const db = cacheDb();
    expectIndexedOnly(
      queryPlan(db, PURGE_BUCKET_SQL, 1, 0),
      'SEARCH positions USING PRIMARY KEY (bucket=?)',
    );
    expectIndexedOnly(queryPlan(db, OLDEST_BUCKET_SQL), 'SEARCH positions USING PRIMARY KEY');
  });
});

describe('zones and journal', () => {
  it('lists a client’s zones through zone_clients', () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'zone', data: zone() },
        { type: 'zone', data: zone({ id: 'z0', clientId: 'c2' }) },
      ]),
    );
    expect(zonesForClient(db, 'c1').map((z) => z.id)).toEqual(['z1']);
    expectIndexedOnly(
      queryPlan(db, CLIENT_ZONES_SQL, 'c1'),
      'SEARCH zc USING PRIMARY KEY (client_id=?)',
    );
  });

  it('gives each exclusion zone in force once, with every client it keeps away', () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'zone', data: zone() },
        { type: 'zone', data: zone({ id: 'z-own', clientId: 'c2', kind: 'exclusion' }) },
        {
          type: 'zone',
          data: zone({
            id: 'z-school',
            clientId: null,
            appliesTo: ['c1', 'c2', 'c3'],
            kind: 'exclusion',
          }),
        },
        { type: 'zone', data: zone({ id: 'z-gone', clientId: 'c4', kind: 'exclusion' }) },
      ]),
    );
    db.prepare(`UPDATE zones SET deleted = 1 WHERE id = 'z-gone'`).run();
    const found = exclusionZones(db).map(({ zone, clientIds }) => [zone.id, [...clientIds].sort()]);
    expect(found.sort()).toEqual([
      ['z-own', ['c2']],
      ['z-school', ['c1', 'c2', 'c3']],
    ]);
  });

  it('lists a shift’s journal in time order through its index', () => {
    const db = cacheDb();
    const entry = (id: string, at: number) => ({
      type: 'journal.entry' as const,
      data: {
        id,
        shiftId: 's1',
        operatorId: 'op',
        at: iso(at),
        category: 'info' as const,
        text: id,
        refs: { alertIds: [], clientIds: [], deviceIds: [] },
        correctsEntryId: null,
      },
    });
    applyEvents(db, events(1, [entry('later', T0 + 5), entry('first', T0)]));
    expect(journalForShift(db, 's1').map((e) => e.id)).toEqual(['first', 'later']);
    expectIndexedOnly(queryPlan(db, SHIFT_JOURNAL_SQL, 's1'), 'journal_by_shift (shift_id=?)');
  });
});

describe('outbox', () => {
  it('reads pending actions and unread refusals through their partial index, not every action ever sent', () => {
    const plan = queryPlan(cacheDb(), ATTENTION_SQL, 10);
    expect(plan.join('\n')).toContain('outbox_attention');
    expect(plan.join('\n')).not.toMatch(/SCAN outbox\b(?! USING)/);
    // Due actions: either partial index holds only pending rows.
    expect(queryPlan(cacheDb(), DUE_SQL, iso(T0), 10).join('\n')).toMatch(
      /USING INDEX outbox_(attention|pending)/,
    );
  });
});
