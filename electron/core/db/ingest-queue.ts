import type { ApplyResult, StoredEvent } from './apply-events';
import { BatchBuilder, type PackedBatch } from './packed-batch';

export interface IngestQueueOptions {
  /**
   * Writes one batch (and its cursor) in one transaction: the store's applyEvents. `after` is the
   * last seq of the batch sent before it: the store refuses the batch unless its cursor has
   * reached that, so a batch sent behind one that failed is never written past the gap.
   */
  apply: (batch: PackedBatch, after: number | null) => Promise<ApplyResult>;
  /** Largest batch in one transaction. */
  maxBatch?: number;
  /** Above this many waiting events (besides those being written), `ready()` makes the producer wait. */
  highWater?: number;
  onApplied?: (result: ApplyResult, batchSize: number) => void;
  onError?: (error: unknown) => void;
}

const MAX_IN_FLIGHT = 2;

interface Failure {
  error: unknown;
}

/**
 * Feeds stream events to the store in batches that size themselves: while one batch is being
 * written, whatever arrives forms the next. Live traffic (a few hundred events a second) goes in
 * small batches within milliseconds; a catch-up replay goes in large ones, because every commit
 * costs about a page write per client it touches, whatever its size. With 10,000 clients at six
 * fixes a minute each, a 20,000-event commit rewrote ~10,000 pages (40 MB of WAL): the commits
 * and their checkpoints took as long as the inserts (bench:central). 40,000 halves that.
 *
 * During a catch-up the next batch is sent while the one before is written (at most two in
 * flight): packing a batch and moving it to the worker takes the core ~35 ms, which otherwise left
 * the worker idle for a quarter of a replay (bench:store).
 *
 * Events wait already packed (BatchBuilder), each batch in a builder of its own.
 */
export class IngestQueue {
  /** Batches waiting, oldest first; every one but the last is full. */
  private queue: BatchBuilder[] = [];
  private waiting = 0;
  private writing: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private wakeOnFullBatch: (() => void) | null = null;
  private readonly maxBatch: number;
  private readonly highWater: number;

  constructor(private readonly options: IngestQueueOptions) {
    this.maxBatch = options.maxBatch ?? 40_000;
    this.highWater = options.highWater ?? this.maxBatch;
  }

  push(event: StoredEvent): void {
    let last = this.queue.at(-1);
    if (!last || last.size >= this.maxBatch) {
      // Every batch starts small and grows by doubling. Making a catch-up's full-sized at once was
      // as fast, and its peak memory higher (bench:central).
      last = new BatchBuilder();
      this.queue.push(last);
    }
    last.add(event);
    this.waiting += 1;
    if (!this.writing) this.writing = this.writeAll();
    else if (this.queue[0]!.size >= this.maxBatch) this.wakeOnFullBatch?.();
  }

  get highWaterMark(): number {
    return this.highWater;
  }

  /** Events received but not yet in the cache. */
  get backlog(): number {
    return this.waiting;
  }

  /** Resolves when the backlog is below the high-water mark (the producer should pause until then). */
  ready(): Promise<void> {
    if (this.waiting < this.highWater) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves once every event pushed so far is in the cache (or has failed). */
  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    const inFlight: Promise<Failure | null>[] = [];
    let after: number | null = null;
    try {
      while (this.queue.length > 0 || inFlight.length > 0) {
        if (this.queue.length > 0 && (inFlight.length === 0 || this.canSendBehind(inFlight))) {
          const builder = this.queue.shift()!;
          this.waiting -= builder.size;
          this.release();
          inFlight.push(this.write(builder.build(), after));
          after = builder.lastSeq ?? after;
          continue;
        }
        // Wait for the batch being written, or for a full batch to send behind it.
        const full = new Promise<'full'>(
          (resolve) => (this.wakeOnFullBatch = () => resolve('full')),
        );
        const outcome = await Promise.race([inFlight[0]!, full]);
        this.wakeOnFullBatch = null;
        if (outcome === 'full') continue;
        inFlight.shift();
        if (outcome) throw outcome.error;
      }
    } catch (error) {
      // Nothing after the failed batch is applied: the cursor still points before it, so the
      // stream resumes from there on reconnect. The batch sent behind it is refused by the store
      // (its `after` was not reached); drop the rest rather than apply past a gap.
      await Promise.all(inFlight);
      this.queue = [];
      this.waiting = 0;
      this.options.onError?.(error);
    } finally {
      this.writing = null;
      this.release();
    }
  }

  /** Only a full batch goes behind one being written: live traffic keeps one batch at a time. */
  private canSendBehind(inFlight: readonly unknown[]): boolean {
    return inFlight.length < MAX_IN_FLIGHT && this.queue[0]!.size >= this.maxBatch;
  }

  /** Never rejects: a failure is returned, so a batch in flight behind a failed one is no unhandled rejection. */
  private async write(batch: PackedBatch, after: number | null): Promise<Failure | null> {
    try {
      const size = batch.positions.count + batch.others.length;
      const result = await this.options.apply(batch, after);
      this.options.onApplied?.(result, size);
      return null;
    } catch (error) {
      return { error };
    }
  }

  private release(): void {
    if (this.waiting >= this.highWater) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
