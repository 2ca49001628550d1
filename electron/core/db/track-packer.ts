import type { Store } from './store';

export interface TrackPackerOptions {
  /** The store's time for one step (the ingest waits behind it). */
  budgetMs?: number;
  /** Between steps while days wait to be packed: the writer is busy packing ~budget/(budget+gap). */
  busyGapMs?: number;
  /** Between looks once everything is packed: a new day settles once a day. */
  idleGapMs?: number;
  firstRunDelayMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Packs the cache's past days for the timelines (queries/track-days.ts) in the background, a short
 * step at a time so that stream batches go in between: with 10,000 clients a day is ~30 s of the
 * writer's time, spread over a few minutes after it settles; a cache filled with 90 days at once
 * (a first start, a long outage) is packed over a few hours, newest days first.
 */
export class TrackPacker {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly options: TrackPackerOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstRunDelayMs ?? 10_000);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.step(), delayMs);
    this.timer.unref();
  }

  private async step(): Promise<void> {
    const { budgetMs = 25, busyGapMs = 200, idleGapMs = 10 * 60_000 } = this.options;
    try {
      const { more } = await this.store.packTrackDays(budgetMs);
      this.schedule(more ? busyGapMs : idleGapMs);
    } catch (error) {
      if (this.stopped) return; // the store closed under the step
      this.options.onError?.(error);
      this.schedule(idleGapMs);
    }
  }
}
