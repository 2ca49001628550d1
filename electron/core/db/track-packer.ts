import type { Store } from './store';

/** The store's time for one step (the ingest waits behind it). */
const BUDGET_MS = 25;
/** Between steps while days wait to be packed: the writer is busy packing ~budget/(budget+gap). */
const BUSY_GAP_MS = 200;
/** Between looks once everything is packed: a new day settles once a day. */
const IDLE_GAP_MS = 10 * 60_000;
/** After the console starts, which has enough to do at first. */
const FIRST_RUN_DELAY_MS = 10_000;

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
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(FIRST_RUN_DELAY_MS);
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
    try {
      const { more } = await this.store.packTrackDays(BUDGET_MS);
      this.schedule(more ? BUSY_GAP_MS : IDLE_GAP_MS);
    } catch (error) {
      if (this.stopped) return; // the store closed under the step
      this.onError(error);
      this.schedule(IDLE_GAP_MS);
    }
  }
}
