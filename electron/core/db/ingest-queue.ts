import type { ApplyResult, StoredEvent } from './apply-events';

export interface IngestQueueOptions {
  /** Writes one batch (and its cursor) in one transaction: the store's applyEvents. */
  apply: (batch: StoredEvent[]) => Promise<ApplyResult>;
  /** Largest batch in one transaction. */
  maxBatch?: number;
  /** Above this many waiting events, `ready()` makes the producer wait. */
  highWater?: number;
  onApplied?: (result: ApplyResult, batchSize: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Feeds stream events to the store in batches that size themselves: while one batch is being
 * written, whatever arrives forms the next. Live traffic (a few hundred events a second) goes in
 * small batches within milliseconds; a catch-up replay goes in large ones, because every commit
 * costs about a page write per client it touches, whatever its size.
 */
export class IngestQueue {
  private queue: StoredEvent[] = [];
  private writing: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly highWater: number;

  constructor(private readonly options: IngestQueueOptions) {
    this.maxBatch = options.maxBatch ?? 20_000;
    this.highWater = options.highWater ?? 2 * this.maxBatch;
  }

  push(event: StoredEvent): void {
    this.queue.push(event);
    this.writing ??= this.writeAll();
  }

  get highWaterMark(): number {
    return this.highWater;
  }

  /** Events received but not yet in the cache. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Resolves when the backlog is below the high-water mark (the producer should pause until then). */
  ready(): Promise<void> {
    if (this.queue.length < this.highWater) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves once every event pushed so far is in the cache (or has failed). */
  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.release();
        const result = await this.options.apply(batch);
        this.options.onApplied?.(result, batch.length);
      }
    } catch (error) {
      // Nothing after the failed batch is applied: the cursor still points before it, so the
      // stream resumes from there on reconnect. Drop the rest rather than apply past a gap.
      this.queue = [];
      this.options.onError?.(error);
    } finally {
      this.writing = null;
      this.release();
    }
  }

  private release(): void {
    if (this.queue.length >= this.highWater) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
