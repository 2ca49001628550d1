import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvents } from '../../../electron/core/db/apply-events';
import { openDatabase } from '../../../electron/core/db/open-database';
import { purgePositionsStep } from '../../../electron/core/db/queries/positions';
import { DAY_MS, dayOf, packedDaysOf } from '../../../electron/core/db/queries/track-days';
import { packedRange, packTrackDaysStep } from '../../../electron/core/db/queries/track-pack';
import { readRows, readTrack } from '../../../electron/core/db/queries/track-read';
import { client, events, iso, position, T0 } from '../../fixtures/central-records';
import { tempDir } from '../../helpers/temp-dir';
import { decodeTrack, encodeTrack } from '../../../shared/timeline/packed-track';

/** The first whole UTC day of the fixture: days 0–3 hold fixes, day 4 until 02:00. */
const DAY0 = dayOf(T0) + 1;
const START = DAY0 * DAY_MS;
const END = START + 4 * DAY_MS + 2 * 3_600_000;
const STEP = 10 * 60_000;

let db: Database;
let seq = 1;

function store(items: Parameters<typeof events>[1]): void {
  applyEvents(db, events(seq, items));
  seq += items.length;
}

/** c1: a fix every 10 minutes from day 0 to day 4's 02:00. c2: day 1 only, one fix to 1e-9°. */
beforeEach(() => {
  db = openDatabase(join(tempDir(), 'cache.db'));
  seq = 1;
  store([
    { type: 'client', data: client({ id: 'c1' }) },
    { type: 'client', data: client({ id: 'c2' }) },
  ]);
  const fixes = [];
  for (let at = START; at < END; at += STEP) {
    const k = (at - START) / STEP;
    fixes.push({
      type: 'position' as const,
      data: position({
        id: `c1-${k}`,
        at: iso(at),
        lat: Number((56.9 + k * 0.000013).toFixed(6)),
        lon: Number((24.1 - k * 0.000021).toFixed(6)),
        accuracyM: 5 + (k % 30),
        source: k % 5 === 0 ? 'rf_home' : 'gps',
      }),
    });
  }
  for (let at = START + DAY_MS; at < START + 2 * DAY_MS; at += STEP)
    fixes.push({
      type: 'position' as const,
      data: position({
        id: `c2-${at}`,
        clientId: 'c2',
        at: iso(at),
        lat: at === START + DAY_MS + 60 * STEP ? 56.912345678 : 56.91,
      }),
    });
  store(fixes);
});

const packAll = (): number => {
  let steps = 0;
  while (packTrackDaysStep(db, 1000).more) steps += 1;
  return steps + 1;
};

/**
 * The window read as the timeline does, and from the rows alone: they must be the same, and so
 * must what the read packed for the bridge.
 */
function expectSameAsRows(clientId: string, fromMs: number, toMs: number) {
  const { packed, ...read } = readTrack(db, clientId, fromMs, toMs, false);
  const { id: _ids, ...rows } = readRows(db, clientId, fromMs, toMs, false);
  expect(read).toEqual({ ...rows, id: [] });
  // As the bridge carries it (to 1e-7 degree), whether from packed days or rows.
  const n = rows.at.length;
  expect(decodeTrack(packed!, n)).toEqual(decodeTrack(encodeTrack(rows), n));
  return read;
}

describe('packed days for the timelines', () => {
  it('packs every settled day of every client and reads exactly what the rows hold', () => {
    packAll();
    // Day 4 has not ended; day 3 ended 2 hours before the newest fix, so it has settled.
    expect(packedRange(db)).toEqual({ low: DAY0, high: DAY0 + 3 });
    expect(packedDaysOf(db, 'c1', DAY0 - 1, DAY0 + 5).map(({ day }) => day)).toEqual([
      DAY0,
      DAY0 + 1,
      DAY0 + 2,
      DAY0 + 3,
    ]);
    // c2's day holds a fix the packed form would round (1e-7°): it stays rows.
    expect(packedDaysOf(db, 'c2', DAY0, DAY0 + 3).length).toBe(0);
    // From the middle of day 0 to the middle of day 4: two edges from rows, three days packed.
    const track = expectSameAsRows('c1', START + DAY_MS / 2, END - 3_600_000);
    expect(track.at.length).toBe(72 + 3 * 144 + 6);
    expectSameAsRows('c2', START, END);
    // The packed days are what is read: the rows of a packed day no longer matter.
    db.prepare('DELETE FROM positions WHERE client_id = ? AND at >= ? AND at < ?').run(
      'c1',
      START + DAY_MS,
      START + 2 * DAY_MS,
    );
    expect(readTrack(db, 'c1', START, END, false).at.length).toBe(4 * 144 + 12);
  });

  it('packs in short steps that resume where they stopped, newest day first', () => {
    expect(packTrackDaysStep(db, 0)).toEqual({ done: 1, more: true });
    expect(packedDaysOf(db, 'c1', DAY0, DAY0 + 3).map(({ day }) => day)).toEqual([DAY0 + 3]);
    // Day 3 is under way (c2 is left): no day is done for every client yet.
    expect(packedRange(db)).toBeNull();
    let steps = 1;
    while (packTrackDaysStep(db, 0).more) steps += 1;
    // Two clients and four days, one client-day a step at most.
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(packedRange(db)).toEqual({ low: DAY0, high: DAY0 + 3 });
    expect(packedDaysOf(db, 'c1', DAY0, DAY0 + 3).length).toBe(4);
  });

  it('a late fix in a packed day is read at once, and the day is packed again', () => {
    packAll();
    const late = START + 2 * DAY_MS + 5 * 60_000; // between two fixes of day 2
    store([{ type: 'position', data: position({ id: 'late', at: iso(late), lat: 56.95 }) }]);
    const stale = () =>
      db.prepare('SELECT stale FROM track_days WHERE day = ? AND client_id = ?').pluck();
    expect(stale().get(DAY0 + 2, 'c1')).toBe(1);
    const track = expectSameAsRows('c1', START, END);
    expect([...track.at]).toContain(late);
    expect(packTrackDaysStep(db, 1000)).toEqual({ done: 1, more: false });
    expect(stale().get(DAY0 + 2, 'c1')).toBe(0);
    expect(packedDaysOf(db, 'c1', DAY0 + 2, DAY0 + 2)[0]!.track.at).toContain(late);
    expectSameAsRows('c1', START, END);
  });

  it('live fixes, after every packed day, mark nothing', () => {
    packAll();
    store([{ type: 'position', data: position({ id: 'live', at: iso(END + 60_000) }) }]);
    expect(db.prepare('SELECT count(*) FROM track_days WHERE stale = 1').pluck().get()).toBe(0);
  });

  it('retention removes the packed days it reaches, the day of the cut-off included', () => {
    packAll();
    const cutOff = START + 2 * DAY_MS + DAY_MS / 2;
    while (!purgePositionsStep(db, cutOff).done);
    expect(db.prepare('SELECT min(day) FROM track_days').pluck().get()).toBe(DAY0 + 3);
    const track = expectSameAsRows('c1', START, END);
    expect(track.at[0]).toBeGreaterThanOrEqual(cutOff);
  });

  it('an export reads every fix from the rows, with its id', () => {
    packAll();
    const track = readTrack(db, 'c1', START, END, true);
    expect(track.id).toHaveLength(track.at.length);
    expect(track.id[0]).toBe('c1-0');
  });
});
