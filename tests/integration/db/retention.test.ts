import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAST_PURGE_KEY, RetentionJob } from '../../../electron/core/db/retention-job';
import { openStore, type Store } from '../../../electron/core/db/store';
import { tempDir } from '../../helpers/temp-dir';
import { alert, events, iso, position, T0 } from '../../fixtures/central-records';

const DAY = 24 * 60 * 60 * 1000;
let store: Store;

afterEach(async () => {
  await store.close();
});

async function seed(clients: number, agesInDays: number[]): Promise<void> {
  const items = [];
  for (let c = 0; c < clients; c += 1) {
    for (const age of agesInDays) {
      items.push({
        type: 'position' as const,
        data: position({ id: `c${c}-${age}`, clientId: `c${c}`, at: iso(T0 - age * DAY) }),
      });
    }
  }
  const journal = {
    id: 'j1',
    shiftId: 's1',
    operatorId: 'op',
    at: iso(T0 - 400 * DAY),
    category: 'incident' as const,
    text: 'old',
    refs: { alertIds: [], clientIds: [], deviceIds: [] },
    correctsEntryId: null,
  };
  items.push(
    { type: 'alert', data: alert({ raisedAt: iso(T0 - 400 * DAY), state: 'resolved' }) } as never,
    {
      type: 'alert.action',
      data: {
        id: 'x1',
        alertId: 'a1',
        operatorId: 'op',
        at: iso(T0 - 400 * DAY),
        kind: 'note',
        payload: {},
      },
    } as never,
    { type: 'journal.entry', data: journal } as never,
  );
  await store.applyEvents(events(1, items));
  await store.appendAudit({
    at: iso(T0 - 400 * DAY),
    operatorId: 'op',
    action: 'client.view',
    subjectType: 'client',
    subjectId: 'c0',
    detail: {},
  });
}

describe('retention', () => {
  it('removes fixes older than the setting, keeps the rest and all evidence, and records the purge', async () => {
    store = await openStore(join(tempDir(), 'cache.db'));
    await seed(7, [1, 30, 89, 91, 120, 365]);
    let now = T0;
    const job = new RetentionJob(store, {
      now: () => new Date((now += 5)),
      retentionDays: () => 90,
    });

    const report = await job.runOnce();

    expect(report).toMatchObject({ deleted: 7 * 3, before: iso(T0 + 5 - 90 * DAY), durationMs: 5 });
    for (let c = 0; c < 7; c += 1) {
      const kept = await store.positionsForClient(`c${c}`, 0, T0 + DAY);
      expect(kept.map((p) => p.id).sort()).toEqual([`c${c}-1`, `c${c}-30`, `c${c}-89`]);
    }
    const counts = await store.counts();
    expect(counts).toMatchObject({ alerts: 1, alert_actions: 1, journal_entries: 1, audit_log: 1 });
    expect(await store.readLocalState(LAST_PURGE_KEY)).toEqual(report);
  });

  it('purges victims’ fixes with the clients’, at the same cut-off', async () => {
    store = await openStore(join(tempDir(), 'cache.db'));
    await seed(1, [1]);
    const victimFix = (orderId: string, ageDays: number) => ({
      type: 'victim.position' as const,
      data: {
        id: `v-${orderId}`,
        deviceId: 'VU-1',
        orderId,
        at: iso(T0 - ageDays * DAY),
        lat: 56.95,
        lon: 24.1,
        accuracyM: 15,
      },
    });
    await store.applyEvents(events(100, [victimFix('old', 91), victimFix('recent', 89)]));
    await new RetentionJob(store, { now: () => new Date(T0), retentionDays: () => 90 }).runOnce();
    expect(await store.lastVictimPosition('old')).toBeNull();
    expect(await store.lastVictimPosition('recent')).toMatchObject({ id: 'v-recent' });
  });

  it('follows a changed setting at the next run', async () => {
    store = await openStore(join(tempDir(), 'cache.db'));
    await seed(2, [1, 10, 40]);
    let days = 90;
    const job = new RetentionJob(store, { now: () => new Date(T0), retentionDays: () => days });
    expect((await job.runOnce()).deleted).toBe(0);
    days = 7;
    expect((await job.runOnce()).deleted).toBe(4);
  });

  it('lets stream batches through between purge steps', async () => {
    store = await openStore(join(tempDir(), 'cache.db'));
    await seed(3, [200, 201, 202, 203, 204, 205]);
    const job = new RetentionJob(store, {
      now: () => new Date(T0),
      retentionDays: () => 90,
    });
    const order: string[] = [];
    const purge = job.runOnce().then(() => order.push('purge done'));
    const ingest = store
      .applyEvents(
        events(1000, [
          { type: 'position', data: position({ id: 'fresh', clientId: 'c0', at: iso(T0) }) },
        ]),
      )
      .then(() => order.push('ingest done'));
    await Promise.all([purge, ingest]);
    expect(order).toEqual(['ingest done', 'purge done']);
  });
});
