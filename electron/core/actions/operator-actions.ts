import { randomUUID } from 'node:crypto';
import { ConsoleApiError } from '../../../shared/api/errors';
import {
  mayDo,
  outboxOperations,
  type OperationPayload,
  type OutboxOperation,
} from '../../../shared/central/operations';
import type { ActionKind } from '../../../shared/central/alert-workflow';
import type { Operator } from '../../../shared/central/records';
import type { OutboxView, PendingAction } from '../../../shared/domain/outbox';
import type { OutboxItem } from '../db/queries/outbox';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';

/** How many pending actions and unread refusals the shell lists at most. */
const VIEW_LIMIT = 200;

export interface OperatorActionsOptions {
  store: StoreService;
  events: EventBus;
  /** Asks the sender to try at once rather than on its next tick. */
  sendSoon: () => void;
  now: Clock;
}

/**
 * The one way an operator's action leaves the console: checked (input and role), queued with a
 * fresh idempotency key together with its audit entry, then sent by the outbox sender. The shell
 * is told whenever the list of pending actions and refusals changes.
 */
export class OperatorActions {
  constructor(private readonly options: OperatorActionsOptions) {}

  async queue<O extends OutboxOperation>(
    operator: Operator,
    operation: O,
    payload: OperationPayload<O>,
  ): Promise<OutboxItem> {
    if (!mayDo(operator.roles, operation))
      throw new ConsoleApiError('forbidden', `Your role may not do ${operation}`, undefined, {
        operation,
      });
    const parsed = outboxOperations[operation].safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConsoleApiError(
        'invalid_input',
        `${issue?.path.join('.') || operation}: ${issue?.message}`,
        issue?.path.join('.'),
      );
    }
    // A new zone has no id yet; its audit entry is still about a zone (zone-changes.ts joins it).
    const subject =
      operation === 'zone.create'
        ? { type: 'zone', id: null }
        : subjectOf(parsed.data as Record<string, unknown>);
    const item = await this.options.store.run((store) =>
      store.queueAction({
        idempotencyKey: randomUUID(),
        operation,
        payload: parsed.data,
        at: this.options.now().toISOString(),
        operatorId: operator.id,
        subjectType: subject.type,
        subjectId: subject.id,
      }),
    );
    await this.announce();
    this.options.sendSoon();
    return item;
  }

  async view(): Promise<OutboxView> {
    const items = await this.options.store.run((store) => store.outboxNeedingAttention(VIEW_LIMIT));
    return { items: items.map(toPendingAction) };
  }

  async markSeen(id: number): Promise<OutboxView> {
    const at = this.options.now().toISOString();
    await this.options.store.run((store) => store.markRefusalSeen(id, at));
    return this.announce();
  }

  /** Tells every window what is pending now. */
  async announce(): Promise<OutboxView> {
    const view = await this.view();
    this.options.events.emit('outbox.changed', view);
    return view;
  }
}

function subjectOf(payload: Record<string, unknown>): { type: string; id: string | null } {
  for (const [field, type] of [
    ['alertId', 'alert'],
    ['zoneId', 'zone'],
    ['shiftId', 'shift'],
    ['clientId', 'client'],
  ] as const) {
    if (typeof payload[field] === 'string') return { type, id: payload[field] };
  }
  return { type: 'shift', id: null };
}

function toPendingAction(item: OutboxItem): PendingAction {
  const refusal =
    item.state === 'rejected' ? (item.answer as NonNullable<PendingAction['refusal']>) : null;
  return {
    id: item.id,
    operation: item.operation as OutboxOperation,
    subjectId: subjectOf(item.payload as Record<string, unknown>).id,
    kind: item.operation === 'alert.action' ? (item.payload as { kind: ActionKind }).kind : null,
    createdAt: item.createdAt,
    state: item.state === 'rejected' ? 'rejected' : 'pending',
    attempts: item.attempts,
    lastError: refusal?.message ?? item.lastError,
    nextAttemptAt: item.nextAttemptAt,
    refusal,
  };
}
