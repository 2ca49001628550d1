import type { AuditStatus } from '../../../shared/domain/audit';
import type { CentralHttp } from '../central/central-http';
import type { AuditAnchor } from '../db/queries/audit';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';
import { AnchorSender, type AnchorSenderOptions } from './anchors';

const TICK_MS = 10_000;

export interface AuditMonitorOptions {
  store: StoreService;
  /** How anchors are sent (the monitor announces each one). */
  anchoring: Omit<AnchorSenderOptions, 'store' | 'http' | 'clock' | 'onChange'>;
  http: () => CentralHttp | null;
  events: EventBus;
  clock: Clock;
  logError: (message: string, error: unknown) => void;
  tickMs?: number;
}

/**
 * Keeps the audit log honest while the console runs: the chain is walked at start-up, anchors go
 * to the service as they fall due, and the chain is compared with the service's anchors once per
 * signed-in session. A broken chain is a banner for supervisors and a line in /health.
 */
export class AuditMonitor {
  private status: AuditStatus = {
    rows: 0,
    head: null,
    checkedAt: null,
    broken: null,
    anchoring: { available: null, lastSentSeq: null, lastSentAt: null, compared: 0 },
  };
  private timer: NodeJS.Timeout | null = null;
  private comparedWith: CentralHttp | null = null;
  private ticking: Promise<void> | null = null;
  private readonly anchors: AnchorSender;

  constructor(private readonly options: AuditMonitorOptions) {
    const { store, http, clock, events } = options;
    this.anchors = new AnchorSender({
      ...options.anchoring,
      store,
      http,
      clock,
      onChange: () => events.emit('audit.changed', this.get()),
    });
  }

  get(): AuditStatus {
    const { available, lastSentSeq, lastSentAt } = this.anchors.state;
    return {
      ...this.status,
      anchoring: { ...this.status.anchoring, available, lastSentSeq, lastSentAt },
    };
  }

  start(): void {
    this.check([]).catch((error: unknown) => this.options.logError('audit check', error));
    this.timer ??= setInterval(() => void this.tick(), this.options.tickMs ?? TICK_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** One pass: anchors due are sent; a new session's service anchors are compared with. */
  tick(): Promise<void> {
    this.ticking ??= this.pass()
      .catch((error: unknown) => this.options.logError('audit anchoring', error))
      .finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** Walks the chain, compared with these anchors; announces the outcome. */
  async check(anchors: readonly AuditAnchor[]): Promise<AuditStatus> {
    const report = await this.options.store.run((s) => s.verifyAudit(anchors));
    const wasBroken = this.status.broken !== null;
    this.status = {
      ...this.status,
      rows: report.rows,
      head: report.head,
      broken: report.broken,
      checkedAt: this.options.clock().toISOString(),
      anchoring: { ...this.status.anchoring, compared: anchors.length },
    };
    if (report.broken && !wasBroken)
      this.options.logError(
        `audit log chain broken at row ${report.broken.seq} (${report.broken.reason})`,
        null,
      );
    this.options.events.emit('audit.changed', this.get());
    return this.get();
  }

  private async pass(): Promise<void> {
    const { anchors } = this;
    await anchors.tick();
    const http = this.options.http();
    if (http && anchors.state.available && http !== this.comparedWith) {
      this.comparedWith = http;
      await this.check(await anchors.fetchAll());
    }
  }
}
