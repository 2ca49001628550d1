import { z } from 'zod';
import { idSchema } from './primitives';
import type { roles } from './records';
import * as body from './requests';
import { clearAlertBody, raiseAlertBody } from './console-alerts';
import { createSuppressionBody, liftSuppressionBody } from './suppressions';

const versioned = z.number().int().min(1);

/**
 * Every operator action the console sends to the central service, as it waits in the outbox:
 * the request body without its idempotency key (the outbox adds that), plus the ids that go in
 * the path. Checked with the same schemas the service uses, before the action is queued.
 */
export const outboxOperations = {
  'alert.action': body.withPayloadCheck(body.actionFields.extend({ alertId: idSchema })),
  'zone.create': body.createZoneBody.omit({ idempotencyKey: true }),
  'zone.update': body.updateZoneBody.extend({ zoneId: idSchema }),
  'zone.delete': z.object({ zoneId: idSchema, expectedVersion: versioned }),
  'journal.add': body.journalBody.omit({ idempotencyKey: true }),
  'shift.start': body.createShiftBody.omit({ idempotencyKey: true }),
  'shift.handover': body.handoverBody.omit({ idempotencyKey: true }).extend({ shiftId: idSchema }),
  'shift.accept': body.acceptBody.omit({ idempotencyKey: true }).extend({ shiftId: idSchema }),
  /** 1.1 console_alerts: a receiver's alert, reported for every console. */
  'alert.raise': raiseAlertBody.omit({ idempotencyKey: true }),
  'alert.clear': clearAlertBody.omit({ idempotencyKey: true }).extend({ alertId: idSchema }),
  /** 1.1 suppressions: made and lifted at the service, so every console keeps them. */
  'suppression.create': createSuppressionBody.omit({ idempotencyKey: true }),
  'suppression.lift': liftSuppressionBody
    .omit({ idempotencyKey: true })
    .extend({ suppressionId: idSchema }),
} as const;

export type OutboxOperation = keyof typeof outboxOperations;
export type OperationPayload<O extends OutboxOperation> = z.output<(typeof outboxOperations)[O]>;
export const outboxOperationNames = Object.keys(outboxOperations) as OutboxOperation[];

export function isOutboxOperation(name: string): name is OutboxOperation {
  return Object.hasOwn(outboxOperations, name);
}

type Role = (typeof roles)[number];
const onShift: readonly Role[] = ['referent', 'supervisor'];

/**
 * Who may do what: referents and supervisors work alerts, the journal and shifts; zones are a
 * supervisor's (or an administrator's) decision. The console checks before queueing and the
 * training simulator refuses with 403 as a real service would.
 */
export const operationRoles: Record<OutboxOperation, readonly Role[]> = {
  'alert.action': onShift,
  'zone.create': ['supervisor', 'admin'],
  'zone.update': ['supervisor', 'admin'],
  'zone.delete': ['supervisor', 'admin'],
  'journal.add': onShift,
  'shift.start': onShift,
  'shift.handover': onShift,
  'shift.accept': onShift,
  // A receiver raises what it hears whoever is signed in at the console it is attached to.
  'alert.raise': ['referent', 'supervisor', 'technician', 'admin'],
  'alert.clear': ['referent', 'supervisor', 'technician', 'admin'],
  'suppression.create': ['supervisor'],
  'suppression.lift': ['supervisor'],
};

export function mayDo(operatorRoles: readonly Role[], operation: OutboxOperation): boolean {
  return operationRoles[operation].some((role) => operatorRoles.includes(role));
}
