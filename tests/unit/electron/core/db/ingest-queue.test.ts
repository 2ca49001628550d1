import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../../../../electron/core/db/apply-events';
import { IngestQueue } from '../../../../../electron/core/db/ingest-queue';
import type { PackedBatch } from '../../../../../electron/core/db/packed-batch';
import { positionEvent } from '../../../../fixtures/central-records';

/** The seqs of a batch's events, in order. */
const seqsOf = (batch: PackedBatch): number[] =>
  [...batch.positions.seq, ...batch.others.map((e) => e.seq)].sort((a, b) => a - b);

/** A store stand-in whose writes finish only when the test says so. */
function controlledApply() {
  const batches: { seq: number }[][] = [];
  const finish: (() => void)[] = [];
  const afters: (number | null)[] = [];
  const apply = (batch: PackedBatch, after: number | null): Promise<ApplyResult> => {
    const seqs = seqsOf(batch);
    batches.push(seqs.map((seq) => ({ seq })));
    afters.push(after);
    return new Promise((resolve) =>
      finish.push(() =>
        resolve({ applied: seqs.length, duplicates: 0, unchanged: 0, cursor: seqs.at(-1)! }),
      ),
    );
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { apply, batches, afters, finishNext: async () => (finish.shift()?.(), tick()) };
}

describe('IngestQueue', () => {
  it('writes the first event at once, then everything that arrived meanwhile as one batch', async () => {
    const store = controlledApply();
    const queue = new IngestQueue({ apply: store.apply });
    queue.push(positionEvent(1));
    for (let seq = 2; seq <= 6; seq += 1) queue.push(positionEvent(seq));
    expect(store.batches.map((b) => b.map((e) => e.seq))).toEqual([[1]]);
    await store.finishNext();
    expect(store.batches.map((b) => b.map((e) => e.seq))).toEqual([[1], [2, 3, 4, 5, 6]]);
    await store.finishNext();
    await queue.drain();
    expect(queue.backlog).toBe(0);
  });

  it('never writes more than maxBatch at once, in order', async () => {
    const store = controlledApply();
    const queue = new IngestQueue({ apply: store.apply, maxBatch: 3 });
    for (let seq = 1; seq <= 8; seq += 1) queue.push(positionEvent(seq));
    while (store.batches.length < 4) await store.finishNext();
    expect(store.batches.map((b) => b.map((e) => e.seq))).toEqual([[1], [2, 3, 4], [5, 6, 7], [8]]);
  });

  it('sends a full batch behind the one being written, never a part one, and never a third', async () => {
    const store = controlledApply();
    const queue = new IngestQueue({ apply: store.apply, maxBatch: 3 });
    const seqs = () => store.batches.map((b) => b.map((e) => e.seq));
    queue.push(positionEvent(1));
    queue.push(positionEvent(2));
    queue.push(positionEvent(3));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seqs()).toEqual([[1]]); // live traffic: one batch at a time
    queue.push(positionEvent(4));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seqs()).toEqual([[1], [2, 3, 4]]);
    for (let seq = 5; seq <= 7; seq += 1) queue.push(positionEvent(seq));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seqs()).toHaveLength(2);
    await store.finishNext();
    expect(seqs()).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
    expect(store.afters).toEqual([null, 1, 4]);
    await store.finishNext();
    await store.finishNext();
    await queue.drain();
  });

  it('holds the producer back above the high-water mark and lets it go once written', async () => {
    const store = controlledApply();
    const queue = new IngestQueue({ apply: store.apply, maxBatch: 10, highWater: 5 });
    for (let seq = 1; seq <= 8; seq += 1) queue.push(positionEvent(seq));
    let released = false;
    void queue.ready().then(() => (released = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(false);
    await store.finishNext();
    expect(released).toBe(true);
  });

  it('stops at a failed batch: nothing after it is written, the error is reported', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const queue = new IngestQueue({
      apply: async (batch) => {
        const seqs = seqsOf(batch);
        if (seqs.includes(2)) throw new Error('disk full');
        written.push(...seqs);
        return { applied: seqs.length, duplicates: 0, unchanged: 0, cursor: seqs.at(-1)! };
      },
      onError: (error) => errors.push(error),
    });
    queue.push(positionEvent(1));
    queue.push(positionEvent(2));
    queue.push(positionEvent(3));
    await queue.drain();
    expect(written).toEqual([1]);
    expect(errors).toEqual([new Error('disk full')]);
    expect(queue.backlog).toBe(0);
  });
});
