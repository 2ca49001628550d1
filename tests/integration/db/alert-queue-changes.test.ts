import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import {
  alertQueue,
  alertQueueChanges,
  QUEUE_ITEMS_SQL,
  QUEUE_ORDER_SQL,
} from '../../../electron/core/db/queries/alerts';
import type { Alert, Client } from '../../../shared/central/records';
import { QueueChanges, WHOLE_EVERY_MS } from '../../../renderer/src/features/alerts/queue-changes';
import { cacheDb, queryPlan } from '../../helpers/cache-db';
import { alert, client, events, iso, T0 } from '../../fixtures/central-records';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const RISKS = ['low', 'medium', 'high', 'very_high'] as const;
const STATES = ['open', 'claimed', 'acknowledged', 'resolved'] as const;

/** A page's queue on a real cache: what it asks for, counted. */
function pageOn(db: Database) {
  let clock = T0;
  const asked = { whole: 0, changes: 0 };
  const changes = new QueueChanges(
    {
      queue: () => {
        asked.whole += 1;
        return Promise.resolve(alertQueue(db));
      },
      changes: (ids) => {
        asked.changes += 1;
        return Promise.resolve(alertQueueChanges(db, ids));
      },
    },
    () => clock,
  );
  return { changes, asked, pass: (ms: number) => (clock += ms) };
}

describe('the alert queue read by its changes', () => {
  it('equals the whole queue after every change: new, reordered, claimed and resolved alerts', async () => {
    const db = cacheDb();
    let seq = 1;
    const apply = (items: Parameters<typeof events>[1]) => {
      applyEvents(db, events(seq, items));
      seq += items.length;
    };
    const clients: Client[] = Array.from({ length: 8 }, (_, i) =>
      client({ id: `c${i}`, riskLevel: RISKS[i % RISKS.length]! }),
    );
    apply(clients.map((data) => ({ type: 'client', data })));
    const page = pageOn(db);
    expect(await page.changes.load()).toEqual([]);

    // A fixed pseudo-random walk: each round some alerts raised and some changed.
    let state = 7;
    const random = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % n;
    };
    const held = new Map<string, Alert>();
    for (let round = 0; round < 40; round += 1) {
      const changed: Alert[] = [];
      for (let k = random(6); k > 0; k -= 1) {
        const id = `a${held.size}`;
        changed.push(
          alert({
            id,
            clientId: `c${random(clients.length)}`,
            severity: SEVERITIES[random(4)]!,
            raisedAt: iso(T0 + random(3_600) * 1000),
          }),
        );
        held.set(id, changed.at(-1)!);
      }
      for (let k = random(4); k > 0 && held.size > 0; k -= 1) {
        const was = [...held.values()][random(held.size)]!;
        if (was.state === 'resolved') continue;
        const next = {
          ...was,
          version: was.version + 1,
          state: STATES[random(4)]!,
          severity: SEVERITIES[random(4)]!,
        };
        held.set(next.id, next);
        changed.push(next);
      }
      apply(changed.map((data) => ({ type: 'alert', data })));
      page.changes.changed(changed);
      expect(await page.changes.load()).toEqual(alertQueue(db));
    }
    expect(page.asked.whole).toBe(1);
    expect(alertQueue(db).length).toBeGreaterThan(20);
  });

  it('reads a line it lacks along, and the whole queue at least once a minute', async () => {
    const db = cacheDb();
    applyEvents(
      db,
      events(1, [
        { type: 'client', data: client({ id: 'c1', riskLevel: 'low' }) },
        { type: 'alert', data: alert({ id: 'a1' }) },
      ]),
    );
    const page = pageOn(db);
    await page.changes.load();
    // An alert committed before the page heard of it (its news on the way, or lost while the
    // page's events socket was down): its line is read with the next change.
    applyEvents(
      db,
      events(3, [
        { type: 'alert', data: alert({ id: 'missed' }) },
        { type: 'alert', data: alert({ id: 'a2', severity: 'critical' }) },
      ]),
    );
    page.changes.changed([{ id: 'a2', version: 1 }]);
    expect(await page.changes.load()).toEqual(alertQueue(db));
    expect(page.asked).toEqual({ whole: 1, changes: 2 });

    // A client's risk level changes no alert: the line is brought up to date within a minute.
    applyEvents(
      db,
      events(5, [
        { type: 'client', data: client({ id: 'c1', version: 2, riskLevel: 'very_high' }) },
      ]),
    );
    expect((await page.changes.load())[0]!.riskLevel).toBe('low');
    page.pass(WHOLE_EVERY_MS);
    expect((await page.changes.load())[0]!.riskLevel).toBe('very_high');
    expect(page.asked).toEqual({ whole: 2, changes: 2 });
  });

  it('does not ask again for a change it has already read: along with another, by a whole read, or gone', async () => {
    const db = cacheDb();
    applyEvents(db, events(1, [{ type: 'client', data: client({ id: 'c1' }) }]));
    const page = pageOn(db);
    await page.changes.load();
    // A burst committed just behind a2: the page hears of a2 first and reads the burst's lines
    // along with it (the queue's order names them).
    const burst = Array.from({ length: 5 }, (_, i) => alert({ id: `b${i}`, severity: 'critical' }));
    applyEvents(db, events(2, [{ type: 'alert', data: alert({ id: 'a2' }) }]));
    applyEvents(
      db,
      events(
        3,
        burst.map((data) => ({ type: 'alert', data })),
      ),
    );
    expect(page.changes.changed([{ id: 'a2', version: 1 }])).toBe(true);
    expect(await page.changes.load()).toEqual(alertQueue(db));
    expect(page.asked).toEqual({ whole: 1, changes: 2 });
    // The burst's own news then arrives: nothing to read.
    expect(page.changes.changed(burst)).toBe(false);
    expect(await page.changes.load()).toEqual(alertQueue(db));
    expect(page.asked).toEqual({ whole: 1, changes: 2 });

    // A newer version is read; one resolved (gone from the queue) is not read again at that version.
    const resolved = { ...burst[0]!, version: 2, state: 'resolved' as const };
    const claimed = { ...burst[1]!, version: 2, state: 'claimed' as const, claimedBy: 'referent1' };
    applyEvents(
      db,
      events(
        8,
        [resolved, claimed].map((data) => ({ type: 'alert', data })),
      ),
    );
    expect(page.changes.changed([resolved, claimed])).toBe(true);
    expect(await page.changes.load()).toEqual(alertQueue(db));
    expect(page.asked).toEqual({ whole: 1, changes: 3 });
    expect(page.changes.changed([resolved, claimed, burst[2]!])).toBe(false);

    // The whole queue read once a minute holds every line as new as it is.
    const later = alert({ id: 'b2', version: 3, severity: 'critical', state: 'acknowledged' });
    applyEvents(db, events(10, [{ type: 'alert', data: later }]));
    page.pass(WHOLE_EVERY_MS);
    expect(await page.changes.load()).toEqual(alertQueue(db));
    expect(page.asked).toEqual({ whole: 2, changes: 3 });
    expect(page.changes.changed([later])).toBe(false);
    expect(page.changes.changed([{ ...later, version: 4 }])).toBe(true);
  });

  it('finds the changed lines by key and the order through the open alerts index', () => {
    const db = cacheDb();
    const items = queryPlan(db, QUEUE_ITEMS_SQL, '[]').join('\n');
    expect(items).toContain('SEARCH a USING INDEX sqlite_autoindex_alerts_1 (id=?)');
    expect(items).not.toMatch(/SCAN (a|s|b)\b/);
    expect(queryPlan(db, QUEUE_ORDER_SQL).join('\n')).toContain('SCAN a USING INDEX alerts_open');
  });
});
