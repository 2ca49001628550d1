import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import { openDatabase } from '../../../electron/core/db/open-database';
import { StoreService } from '../../../electron/core/db/store-service';
import { EventBus } from '../../../electron/core/events/event-bus';
import { ApproachWatch } from '../../../electron/core/map/approach-watch';
import type { FixTuple } from '../../../shared/domain/map';
import { client, events, T0, zone } from '../../fixtures/central-records';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/until';

// What the approach watch holds in memory: ten minutes of fixes for the clients it can warn
// about (those with exclusion zones), and nothing for the rest, who are most clients.

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CLIENTS = ['c1', 'c2', 'c3', 'c4'];

async function watching(): Promise<{ watch: ApproachWatch; bus: EventBus; file: string }> {
  const file = join(tempDir(), 'cache.db');
  const db = openDatabase(file);
  applyEvents(
    db,
    events(1, [
      ...CLIENTS.map((id) => ({ type: 'client' as const, data: client({ id }) })),
      // c1 is kept from a street; c2 has only a home (an inclusion zone).
      {
        type: 'zone' as const,
        data: zone({ id: 'z-street', clientId: 'c1', kind: 'exclusion', schedule: null }),
      },
      { type: 'zone' as const, data: zone({ id: 'z-home', clientId: 'c2' }) },
    ]),
  );
  db.close();
  const errors: string[] = [];
  const store = await StoreService.open({
    file,
    now: () => new Date(T0),
    retentionDays: () => 30,
    logError: (message) => errors.push(message),
  });
  const bus = new EventBus();
  const watch = new ApproachWatch(
    store,
    bus,
    () => new Date(T0),
    (message) => errors.push(message),
  );
  watch.start();
  cleanups.push(() => store.close());
  cleanups.push(() => watch.close());
  cleanups.push(() => expect(errors).toEqual([]));
  return { watch, bus, file };
}

const fixesAt = (at: number, clients = CLIENTS): FixTuple[] =>
  clients.map((id) => [id, 56.95, 24.11, at, 8, null]);

describe('the approach watch', () => {
  it('keeps the course of a client with an exclusion zone only', async () => {
    const { watch, bus } = await watching();
    for (let i = 0; i < 3; i += 1) bus.emit('map.fixes', { fixes: fixesAt(T0 + i * 10_000) });
    await until(
      async () => watch.heldCourses(),
      (held) => held === 1,
    );
  });

  it('starts a course once a client is given an exclusion zone, and drops it once it is gone', async () => {
    const { watch, bus, file } = await watching();
    bus.emit('map.fixes', { fixes: fixesAt(T0) });
    await until(
      async () => watch.heldCourses(),
      (held) => held === 1,
    );
    const db = openDatabase(file);
    const school = zone({ id: 'z-school', clientId: 'c3', kind: 'exclusion', schedule: null });
    applyEvents(db, events(10, [{ type: 'zone' as const, data: school }]));
    bus.emit('zones.changed', { zones: [school], deleted: [] });
    bus.emit('map.fixes', { fixes: fixesAt(T0 + 10_000) });
    await until(
      async () => watch.heldCourses(),
      (held) => held === 2,
    );
    db.prepare('UPDATE zones SET deleted = 1').run();
    db.close();
    bus.emit('zones.changed', { zones: [], deleted: ['z-street', 'z-school'] });
    bus.emit('map.fixes', { fixes: fixesAt(T0 + 20_000) });
    await until(
      async () => watch.heldCourses(),
      (held) => held === 0,
    );
  });
});
