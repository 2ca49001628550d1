import type { Alert } from '../../../shared/central/records';
import { systemClock, type Clock } from '../runtime/clock';
import type { CacheRecord } from '../db/apply-events';
import type { OutboxItem } from '../db/queries/outbox';
import type { Store } from '../db/store';
import { CentralError, type CentralHttp } from './central-http';
import { fetchAlert } from './fetch-alert';
import { deliveryOf } from './outbox-operations';

/**
 * A refused action, kept with the service's reason and the subject as it now stands (the alert
 * someone else claimed, the zone someone else changed), so the operator sees what is true now.
 */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  current: unknown;
}

export type Settled = {
  item: OutboxItem;
  state: 'delivered' | 'rejected';
  answer: unknown;
  /** Records the answer brought into the cache. */
  records: CacheRecord[];
};

export interface OutboxSenderOptions {
  http: CentralHttp;
  store: Store;
  now?: Clock;
  intervalMs?: number;
  /** A delivered or refused action: the operator is told, with what the service says. */
  onSettled?: (settled: Settled) => void;
  /** The service no longer accepts the session: sending pauses, nothing is lost. */
  onUnauthenticated?: () => void;
}

/**
 * Sends queued operator actions in the order they were made, each with its idempotency key, so a
 * resend after a crash or a lost answer changes nothing at the service. A transient failure (no
 * network, 5xx, 429) keeps the action and everything after it for a later try, with backoff; a
 * refusal (409 and other 4xx) is final and kept with the service's answer.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: OutboxSenderOptions) {
    const clock = options.now ?? systemClock;
    this.now = () => clock().getTime();
  }

  start(): void {
    const tick = (): void => {
      void this.flush();
      this.timer = setTimeout(tick, this.options.intervalMs ?? 1000);
    };
    tick();
  }

  stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.flushing ?? Promise.resolve();
  }

  /** Sends what is due now; one pass at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.sendDue().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendDue(): Promise<void> {
    const { store, http } = this.options;
    const at = () => new Date(this.now()).toISOString();
    for (const item of await store.dueOutbox(at(), 50)) {
      try {
        const delivery = deliveryOf(item.operation, item.payload, item.idempotencyKey);
        const answer = await http.request(
          delivery.method,
          delivery.path,
          delivery.answer,
          delivery.body,
        );
        const records = delivery.records(answer);
        await store.settleOutbox(item.id, 'delivered', answer ?? null, at(), records);
        this.options.onSettled?.({ item, state: 'delivered', answer, records });
      } catch (error) {
        const failure =
          error instanceof CentralError
            ? error
            : new CentralError(400, 'invalid_action', (error as Error).message);
        if (failure.status === 401) {
          this.options.onUnauthenticated?.();
          return;
        }
        if (failure.retryable) {
          const waitMs =
            failure.retryAfterS !== null
              ? failure.retryAfterS * 1000
              : Math.min(60_000, 1000 * 2 ** item.attempts);
          await store.retryOutboxLater(
            item.id,
            failure.message,
            new Date(this.now() + waitMs).toISOString(),
          );
          return; // later actions wait: they may depend on this one (a note after a claim)
        }
        if (await this.alreadyApplied(item, failure)) {
          await store.settleOutbox(item.id, 'delivered', null, at(), []);
          this.options.onSettled?.({ item, state: 'delivered', answer: null, records: [] });
          continue;
        }
        const answer: Refusal = {
          status: failure.status,
          code: failure.code,
          message: failure.message,
          current: await this.currentSubject(item),
        };
        await store.settleOutbox(item.id, 'rejected', answer, at(), []);
        this.options.onSettled?.({ item, state: 'rejected', answer, records: [] });
      }
    }
  }

  /**
   * PUT and DELETE carry no idempotency key: when an earlier try reached the service but its
   * answer was lost, the resend is refused (409 stale version, 404 gone). If the cache already
   * shows the action's effect, the action was delivered.
   */
  private async alreadyApplied(item: OutboxItem, failure: CentralError): Promise<boolean> {
    if (item.attempts === 0) return false;
    const payload = item.payload as { zoneId?: string; expectedVersion?: number };
    if (typeof payload.zoneId !== 'string') return false;
    const cached = await this.options.store.recordById('zones', payload.zoneId);
    if (item.operation === 'zone.delete') return failure.status === 404 || cached === null;
    if (item.operation !== 'zone.update' || failure.status !== 409 || cached === null) return false;
    const { zoneId: _id, expectedVersion, ...fields } = payload as Record<string, unknown>;
    return (
      cached.version === (expectedVersion as number) + 1 &&
      Object.entries(fields).every(
        ([key, value]) =>
          JSON.stringify((cached as Record<string, unknown>)[key]) === JSON.stringify(value),
      )
    );
  }

  /**
   * The record a refused action was about, as the service says it is now: an alert is fetched
   * afresh (and cached, under the version rule); a zone or shift is taken from the cache, which
   * the stream keeps current.
   */
  private async currentSubject(item: OutboxItem): Promise<unknown> {
    const payload = item.payload as Record<string, unknown>;
    const { store, http } = this.options;
    if (typeof payload.zoneId === 'string') return store.recordById('zones', payload.zoneId);
    if (typeof payload.shiftId === 'string') return store.recordById('shifts', payload.shiftId);
    if (typeof payload.alertId !== 'string') return null;
    // The worker boundary loses the handler's generic: the table says what comes back.
    const cached = (await store.recordById('alerts', payload.alertId)) as Alert | null;
    if (!cached) return null;
    const fresh = await fetchAlert(http, cached).catch(() => null);
    if (!fresh) return cached;
    await store.applyRecords([{ type: 'alert', data: fresh }]);
    return fresh;
  }
}
