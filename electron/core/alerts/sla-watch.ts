import { slaStatus, type AlertQueueItem, type AlertSla } from '../../../shared/domain/alerts';
import type { SlaBreach } from '../../../shared/domain/attention';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { SYSTEM_OPERATOR } from '../audit/audit-trail';
import type { Clock } from '../runtime/clock';

/** How often the open alerts are checked against their targets. */
export const SLA_CHECK_MS = 5_000;

/**
 * The targets missed and not yet recorded, as of `nowMs`. A suppressed alert is the supervisor's
 * decision to let it be, so it is not escalated.
 */
export function dueBreaches(items: readonly AlertQueueItem[], sla: AlertSla, nowMs: number) {
  const found: SlaBreach[] = [];
  for (const item of items) {
    if (item.suppression) continue;
    const status = slaStatus(item.alert, sla, nowMs);
    if (!status.breached || status.due === null || status.dueAt === null) continue;
    if (item.breached.includes(status.due)) continue;
    found.push({
      alertId: item.alert.id,
      due: status.due,
      severity: item.alert.severity,
      type: item.alert.type,
      clientName: item.clientName,
      dueAt: new Date(status.dueAt).toISOString(),
      breachedAt: new Date(nowMs).toISOString(),
    });
  }
  return found;
}

export interface SlaWatchOptions {
  store: StoreService;
  events: EventBus;
  sla: () => AlertSla;
  now: Clock;
  logError: (message: string, error: unknown) => void;
}

/**
 * Watches every open alert against the centre's targets. A miss is recorded once (with its audit
 * entry, in one transaction) and announced to every window: the queue marks it, the console sounds
 * it, and supervisors' consoles raise it as an escalation.
 */
export class SlaWatch {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<SlaBreach[]> | null = null;

  constructor(private readonly options: SlaWatchOptions) {}

  start(intervalMs = SLA_CHECK_MS): void {
    this.timer ??= setInterval(() => {
      this.check().catch((error: unknown) => this.options.logError('SLA check', error));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; overlapping calls share it. Returns the breaches it recorded. */
  check(): Promise<SlaBreach[]> {
    this.checking ??= this.pass().finally(() => (this.checking = null));
    return this.checking;
  }

  private async pass(): Promise<SlaBreach[]> {
    const { store, events } = this.options;
    const items = await store.run((s) => s.alertQueue());
    const candidates = dueBreaches(items, this.options.sla(), this.options.now().getTime());
    if (candidates.length === 0) return [];
    const recorded = await store.run((s) =>
      // A miss is the console's finding, not whoever happens to be signed in.
      s.recordBreaches(candidates, SYSTEM_OPERATOR),
    );
    if (recorded.length > 0) events.emit('alerts.breached', { breaches: recorded });
    return recorded;
  }
}
