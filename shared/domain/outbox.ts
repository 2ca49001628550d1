import { z } from 'zod';
import {
  outboxOperationNames,
  outboxOperations,
  type OutboxOperation,
} from '../central/operations';
import { isStateMove, type ActionKind } from '../central/alert-workflow';
import { idSchema } from '../central/primitives';
import { alertActionKinds } from '../central/records';

/** An action the operator made that the central service has not accepted (yet). */
export const pendingActionSchema = z.object({
  id: z.number().int().positive(),
  operation: z.enum(outboxOperationNames as [OutboxOperation, ...OutboxOperation[]]),
  /** What it was about: the alert, zone or shift, when it names one. */
  subjectId: z.string().nullable(),
  /** For an alert action, which one (claim, note, ...). */
  kind: z.enum(alertActionKinds).nullable(),
  createdAt: z.string(),
  /** pending: waiting to be sent or retried; rejected: the service refused it. */
  state: z.enum(['pending', 'rejected']),
  attempts: z.number().int().nonnegative(),
  /** Why the last try failed (pending) or why it was refused (rejected). */
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  /** The service's refusal and the subject as it stands now. */
  refusal: z
    .object({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      current: z.unknown(),
    })
    .nullable(),
});
export type PendingAction = z.infer<typeof pendingActionSchema>;

export const outboxViewSchema = z.object({ items: z.array(pendingActionSchema) });
export type OutboxView = z.infer<typeof outboxViewSchema>;

export const markSeenInputSchema = z.object({ id: z.number().int().positive() }).strict();

/** `alerts.act`: one alert action, checked as the service checks it. */
export const alertActInputSchema = outboxOperations['alert.action'];
export type AlertActInput = z.output<typeof alertActInputSchema>;
/** id: the outbox item; 0 for an alert of this console's own (done here, nothing to send). */
export const queuedSchema = z.object({ id: z.number().int().nonnegative(), alertId: idSchema });

/**
 * Per alert, the move (claim, release, acknowledge, resolve) still waiting to be sent: it holds
 * further moves back, since the alert's version is about to change.
 */
export function waitingMoves(items: readonly PendingAction[]): Map<string, ActionKind> {
  const waiting = new Map<string, ActionKind>();
  for (const item of items)
    if (item.state === 'pending' && item.subjectId && item.kind && isStateMove(item.kind))
      waiting.set(item.subjectId, item.kind);
  return waiting;
}
