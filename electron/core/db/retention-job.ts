import type { Store } from './store';

export const LAST_PURGE_KEY = 'retention.lastPurge';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeReport {
  /** When the purge finished. */
  at: string;
  /** Fixes older than this were removed. */
  before: string;
  deleted: number;
  durationMs: number;
}

export interface RetentionOptions {
  now: () => Date;
  /** Read at each run, so a change in Settings applies to the next purge. */
  retentionDays: () => number;
  intervalMs?: number;
  firstRunDelayMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Deletes positions older than the retention period, one 10-minute bucket per step. Every step is a
 * separate request to the database worker, so stream batches queued meanwhile are applied between
 * steps instead of waiting for the whole purge. Only positions are purged: alerts, their actions,
 * the journal and the audit log are evidence and are kept.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PurgeReport> | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: RetentionOptions,
  ) {}

  start(): void {
    const { intervalMs = 60 * 60 * 1000, firstRunDelayMs = 60 * 1000 } = this.options;
    const tick = (): void => {
      this.runOnce().catch((error: unknown) => this.options.onError?.(error));
      this.timer = setTimeout(tick, intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, firstRunDelayMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One full purge; a second call while one runs joins it. */
  runOnce(): Promise<PurgeReport> {
    this.running ??= this.purge().finally(() => (this.running = null));
    return this.running;
  }

  private async purge(): Promise<PurgeReport> {
    const started = this.options.now().getTime();
    const beforeMs = started - this.options.retentionDays() * DAY_MS;
    let deleted = 0;
    for (let done = false; !done;) {
      const step = await this.store.purgeStep(beforeMs);
      deleted += step.deleted;
      done = step.done;
    }
    const finished = this.options.now().getTime();
    const report: PurgeReport = {
      at: new Date(finished).toISOString(),
      before: new Date(beforeMs).toISOString(),
      deleted,
      durationMs: finished - started,
    };
    await this.store.writeLocalState(LAST_PURGE_KEY, report);
    return report;
  }
}
