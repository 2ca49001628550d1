import { z } from 'zod';
import { alertActionSchema, alertSchema } from '../../../shared/central/records';
import type { OutboxItem } from '../db/queries/outbox';
import type { Store } from '../db/store';
import { CentralError, type CentralHttp } from './central-http';

/** What each queued operation sends, and where. The idempotency key goes with every one. */
const alertActionPayload = z.object({
  alertId: z.string(),
  kind: alertActionSchema.shape.kind,
  payload: z.record(z.string(), z.unknown()),
  expectedVersion: z.number().int().min(1),
});
const alertActionAnswer = z.object({ alert: alertSchema, action: alertActionSchema });

type Send = (http: CentralHttp, item: OutboxItem) => Promise<unknown>;
const senders: Record<string, Send> = {
  'alert.action': (http, item) => {
    const { alertId, kind, payload, expectedVersion } = alertActionPayload.parse(item.payload);
    return http.request(
      'POST',
      `/alerts/${encodeURIComponent(alertId)}/actions`,
      alertActionAnswer,
      {
        kind,
        payload,
        expectedVersion,
        idempotencyKey: item.idempotencyKey,
      },
    );
  },
};

export type Settled = { item: OutboxItem; state: 'delivered' | 'rejected'; answer: unknown };

export interface OutboxSenderOptions {
  http: CentralHttp;
  store: Store;
  now?: () => number;
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
    this.now = options.now ?? Date.now;
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
      const send = senders[item.operation];
      try {
        if (!send)
          throw new CentralError(400, 'unknown_operation', `No sender for ${item.operation}`);
        const answer = await send(http, item);
        await store.settleOutbox(item.id, 'delivered', answer, at());
        this.options.onSettled?.({ item, state: 'delivered', answer });
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
        const answer = { status: failure.status, code: failure.code, message: failure.message };
        await store.settleOutbox(item.id, 'rejected', answer, at());
        this.options.onSettled?.({ item, state: 'rejected', answer });
      }
    }
  }
}
