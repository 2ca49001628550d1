import { describe, expect, it } from 'vitest';
import {
  BatchBuilder,
  clientOf,
  deviceOf,
  idOf,
  newestFixes,
  packEvents,
  sourceOf,
  transferList,
} from '../../../../../electron/core/db/packed-batch';
import type { StoredEvent } from '../../../../../electron/core/db/stored-event';
import { alert, iso, position, positionEvent, T0 } from '../../../../fixtures/central-records';

const alertEvent = (seq: number): StoredEvent => ({
  seq,
  at: iso(T0 + seq),
  type: 'alert',
  data: alert({ id: `a${seq}` }),
});

describe('BatchBuilder', () => {
  it('grows past its first capacity and keeps every fix, column by column, in arrival order', () => {
    const builder = new BatchBuilder(4);
    for (let seq = 1; seq <= 1000; seq += 1)
      builder.add(seq % 100 === 0 ? alertEvent(seq) : positionEvent(seq));
    expect(builder.size).toBe(1000);
    expect(builder.lastSeq).toBe(1000);

    const { positions, others } = builder.build();
    expect(positions.count).toBe(990);
    expect(positions.seq).toHaveLength(990);
    expect(others.map((e) => e.seq)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const seqs = [...positions.seq];
    expect(seqs.filter((seq) => seq % 100 === 0)).toEqual([]);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const i = seqs.indexOf(999);
    expect([
      idOf(positions, i),
      clientOf(positions, i),
      deviceOf(positions, i),
      sourceOf(positions, i),
      positions.at[i],
      positions.speedKmh[i],
    ]).toEqual(['p999', 'c9', 'd1', 'gps', T0 + 999_000, 4]);
    expect(positions.receivedAt[i]).toBe(T0 + 999_500);
    // Each client named once (the fixture cycles through ten).
    expect(positions.clients).toHaveLength(10);
    expect(positions.devices).toEqual(['d1']);
  });

  it('moves only the filled part of its columns: a transferred batch reads as it was built', () => {
    const builder = new BatchBuilder(256);
    for (let seq = 1; seq <= 3; seq += 1) builder.add(positionEvent(seq));
    const batch = builder.build();
    const moved = structuredClone(batch, { transfer: transferList(batch) });
    expect(batch.positions.seq.byteLength).toBe(0); // detached here: moved, not copied
    expect([...moved.positions.seq]).toEqual([1, 2, 3]);
    expect([...moved.positions.lat]).toEqual([56.95, 56.95, 56.95]);
    expect([0, 1, 2].map((i) => clientOf(moved.positions, i))).toEqual(['c1', 'c2', 'c3']);
    expect([0, 1, 2].map((i) => idOf(moved.positions, i))).toEqual(['p1', 'p2', 'p3']);
    expect(batch.positions.client.byteLength).toBe(0);
    expect(batch.positions.idBytes.byteLength).toBe(0);
  });

  it('keeps every id as it came, up to the longest the schema allows, past its bytes first size', () => {
    // Lengths 1 to 64, each id distinct, after two no schema would let through: never cut short.
    const ids = Array.from({ length: 600 }, (_, k) => `${k}_`.padEnd(1 + (k % 64), 'x'));
    ids.unshift('é'.repeat(5000), '');
    const builder = new BatchBuilder(1);
    ids.forEach((id, k) => builder.addPosition(k + 1, position({ id })));
    const batch = builder.build();
    const moved = structuredClone(batch, { transfer: transferList(batch) });
    expect(ids.map((_, i) => idOf(moved.positions, i))).toEqual(ids);
  });

  it('packs an empty batch', () => {
    expect(packEvents([]).positions.count).toBe(0);
  });
});

describe('newestFixes', () => {
  it('gives each client its newest fix by time, not by arrival, and no speed as null', () => {
    const fix = (seq: number, clientId: string, atS: number, speedKmh: number | null) => ({
      seq,
      at: iso(T0),
      type: 'position' as const,
      data: position({ id: `p${seq}`, clientId, at: iso(T0 + atS * 1000), speedKmh }),
    });
    const batch = packEvents([
      fix(1, 'c1', 10, 3),
      fix(2, 'c2', 5, null),
      fix(3, 'c1', 8, 9), // late: older than seq 1's
      fix(4, 'c2', 6, null),
    ]);
    expect(newestFixes(batch.positions)).toEqual([
      ['c1', 56.95, 24.11, T0 + 10_000, 8, 3],
      ['c2', 56.95, 24.11, T0 + 6_000, 8, null],
    ]);
  });
});
