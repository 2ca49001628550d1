import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import { openDatabase } from '../../../electron/core/db/open-database';
import { openStore } from '../../../electron/core/db/store';
import { StoreService } from '../../../electron/core/db/store-service';
import { events, iso, position, T0 } from '../../fixtures/central-records';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/until';
import { EventBus } from '../../../electron/core/events/event-bus';
import {
  timelineModule,
  type TimelineModuleOptions,
} from '../../../electron/core/timeline/timeline-module';
import type { Role } from '../../../shared/central/records';
import { DIRTY_FROM_KEY } from '../../../electron/core/db/queries/last-fixes';
import { writeLocalState } from '../../../electron/core/db/queries/local-state';

const MINUTE = 60_000;
const services: StoreService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

/** A cache with c1's fixes a minute apart for two hours, and c2's interleaved with them. */
function cacheWithFixes(): string {
  const file = join(tempDir(), 'cache.db');
  const db = openDatabase(file);
  const items = [];
  for (let minute = 0; minute < 120; minute += 1)
    for (const clientId of ['c1', 'c2'])
      items.push({
        type: 'position' as const,
        data: position({ id: `${clientId}-${minute}`, clientId, at: iso(T0 + minute * MINUTE) }),
      });
  applyEvents(db, events(1, items));
  db.close();
  return file;
}

async function openService(file: string): Promise<StoreService> {
  const service = await StoreService.open({
    file,
    now: () => new Date(T0 + 120 * MINUTE),
    retentionDays: () => 30,
    logError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  services.push(service);
  return service;
}

describe("the store's readers", () => {
  it('read a window in parts and give exactly the fixes the store reads alone, in order', async () => {
    const service = await openService(cacheWithFixes());
    expect(await service.useReaders(true)).toBe(2);
    const windows: [number, number][] = [
      [T0, T0 + 120 * MINUTE],
      // The cut between the two parts falls on c1-30's moment exactly: read once, not twice.
      [T0 + 10 * MINUTE, T0 + 50 * MINUTE],
      [T0 + 10.5 * MINUTE, T0 + 11.5 * MINUTE],
      [T0 + 200 * MINUTE, T0 + 300 * MINUTE],
    ];
    for (const [from, to] of windows) {
      const alone = await service.run((store) => store.timelineTrack('c1', from, to, true));
      const parts = await service.readTrack('c1', from, to, true);
      expect(parts).toEqual(alone);
    }
    const middle = await service.readTrack('c1', T0 + 10 * MINUTE, T0 + 50 * MINUTE, true);
    expect(middle.id).toEqual(Array.from({ length: 40 }, (_, i) => `c1-${10 + i}`));
    expect([...middle.at]).toEqual(Array.from({ length: 40 }, (_, i) => T0 + (10 + i) * MINUTE));
  });

  it('see fixes the store wrote after they opened', async () => {
    const service = await openService(cacheWithFixes());
    await service.useReaders(true);
    const late = position({ id: 'c1-late', clientId: 'c1', at: iso(T0 + 119.5 * MINUTE) });
    await service.run((store) =>
      store.applyEvents(events(1000, [{ type: 'position', data: late }])),
    );
    const track = await service.readTrack('c1', T0, T0 + 120 * MINUTE, true);
    expect(track.id.at(-1)).toBe('c1-late');
    expect(track.id).toHaveLength(121);
  });

  it('stop when asked, and the store then reads alone', async () => {
    const service = await openService(cacheWithFixes());
    const opening = service.useReaders(true);
    // Asked to stop while they start: they close as soon as they are up.
    await service.useReaders(false);
    expect(await opening).toBe(0);
    expect(service.readerCount()).toBe(0);
    expect(await service.useReaders(true)).toBe(2);
    await service.useReaders(false);
    expect(service.readerCount()).toBe(0);
    const track = await service.readTrack('c1', T0, T0 + 120 * MINUTE, false);
    expect(track.at).toHaveLength(120);
  });

  it('run while someone who may open timelines is signed in', async () => {
    const service = await openService(cacheWithFixes());
    const events = new EventBus();
    const module = timelineModule({ store: service, events } as unknown as TimelineModuleOptions);
    module.start?.();
    const signIn = (roles: Role[]) =>
      events.emit('session.changed', {
        operator: { id: `op-${roles.join('-')}`, name: 'Operator', roles },
        central: null,
        locked: false,
        reason: null,
      });
    signIn(['supervisor']);
    await until(
      () => service.readerCount(),
      (n) => n === 2,
    );
    signIn(['referent']);
    await until(
      () => service.readerCount(),
      (n) => n === 0,
    );
    signIn(['technician', 'supervisor']);
    await until(
      () => service.readerCount(),
      (n) => n === 2,
    );
    module.close?.();
  });

  it('open while last fixes still wait to be written (a catch-up, or a crash during one)', async () => {
    const file = cacheWithFixes();
    const db = openDatabase(file);
    writeLocalState(db, DIRTY_FROM_KEY, 0);
    db.close();
    const reader = await openStore(file, undefined, true);
    expect(await reader.cursor()).toBeGreaterThan(0);
    await reader.close();
  });

  it('cannot write to the cache', async () => {
    const file = cacheWithFixes();
    const reader = await openStore(file, undefined, true);
    await expect(reader.writeLocalState('k', 1)).rejects.toMatchObject({
      code: expect.stringMatching(/^SQLITE_READONLY/),
    });
    await reader.close();
  });
});
