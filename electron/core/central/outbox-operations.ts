import { z } from 'zod';
import {
  outboxOperations,
  type OperationPayload,
  type OutboxOperation,
} from '../../../shared/central/operations';
import {
  alertActionSchema,
  alertSchema,
  journalEntrySchema,
  shiftSchema,
  zoneSchema,
} from '../../../shared/central/records';
import type { CacheRecord } from '../db/apply-events';
import { alertAnswerSchema } from '../../../shared/central/console-alerts';
import { suppressionAnswerSchema } from '../../../shared/central/suppressions';

/** How one queued action goes over the wire, and which records the service's answer brings. */
interface Delivery<A> {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** null: the answer has no body (204). */
  answer: z.ZodType<A> | null;
  records(answer: A): CacheRecord[];
}

type Deliveries = {
  [O in OutboxOperation]: (payload: OperationPayload<O>, idempotencyKey: string) => Delivery<never>;
};

const id = encodeURIComponent;
const alertAnswer = z.object({ alert: alertSchema, action: alertActionSchema });
const zoneAnswer = z.object({ zone: zoneSchema });
const shiftAnswer = z.object({ shift: shiftSchema });
const entryAnswer = z.object({ entry: journalEntrySchema });
const shiftRecords = (a: z.output<typeof shiftAnswer>): CacheRecord[] => [
  { type: 'shift', data: a.shift },
];

/** A typed delivery; `never` in Deliveries keeps the table's answer types apart. */
const delivery = <A>(d: Delivery<A>): Delivery<never> => d as unknown as Delivery<never>;

/** central-api.md's endpoints, one per operation. */
const deliveries: Deliveries = {
  'alert.action': ({ alertId, ...body }, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: `/alerts/${id(alertId)}/actions`,
      body: { ...body, idempotencyKey },
      answer: alertAnswer,
      records: (a) => [
        { type: 'alert', data: a.alert },
        { type: 'alert.action', data: a.action },
      ],
    }),
  'zone.create': (body, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: '/zones',
      body: { ...body, idempotencyKey },
      answer: zoneAnswer,
      records: (a) => [{ type: 'zone', data: a.zone }],
    }),
  // PUT and DELETE carry no key in the spec: expectedVersion makes a resend fail with 409
  // instead of applying twice (see alreadyApplied).
  'zone.update': ({ zoneId, ...body }) =>
    delivery({
      method: 'PUT',
      path: `/zones/${id(zoneId)}`,
      body,
      answer: zoneAnswer,
      records: (a) => [{ type: 'zone', data: a.zone }],
    }),
  'zone.delete': ({ zoneId, expectedVersion }) =>
    delivery({
      method: 'DELETE',
      path: `/zones/${id(zoneId)}?expectedVersion=${expectedVersion}`,
      answer: null,
      records: () => [{ type: 'zone.deleted', data: { id: zoneId } }],
    }),
  'journal.add': (body, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: '/journal',
      body: { ...body, idempotencyKey },
      answer: entryAnswer,
      records: (a) => [{ type: 'journal.entry', data: a.entry }],
    }),
  'shift.start': (body, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: '/shifts',
      body: { ...body, idempotencyKey },
      answer: shiftAnswer,
      records: shiftRecords,
    }),
  'shift.handover': ({ shiftId, ...body }, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: `/shifts/${id(shiftId)}/handover`,
      body: { ...body, idempotencyKey },
      answer: shiftAnswer,
      records: shiftRecords,
    }),
  'shift.accept': ({ shiftId, ...body }, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: `/shifts/${id(shiftId)}/accept`,
      body: { ...body, idempotencyKey },
      answer: shiftAnswer,
      records: shiftRecords,
    }),
  'alert.raise': (body, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: '/alerts',
      body: { ...body, idempotencyKey },
      answer: alertAnswerSchema,
      records: (a) => [{ type: 'alert', data: a.alert }],
    }),
  'alert.clear': ({ alertId, ...body }, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: `/alerts/${id(alertId)}/clear`,
      body: { ...body, idempotencyKey },
      answer: alertAnswerSchema,
      records: (a) => [{ type: 'alert', data: a.alert }],
    }),
  'suppression.create': (body, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: '/suppressions',
      body: { ...body, idempotencyKey },
      answer: suppressionAnswerSchema,
      records: (a) => [{ type: 'suppression', data: a.suppression }],
    }),
  'suppression.lift': ({ suppressionId, ...body }, idempotencyKey) =>
    delivery({
      method: 'POST',
      path: `/suppressions/${id(suppressionId)}/lift`,
      body: { ...body, idempotencyKey },
      answer: suppressionAnswerSchema,
      records: (a) => [{ type: 'suppression', data: a.suppression }],
    }),
};

/**
 * The request for a queued action. The payload is parsed again: it was checked when queued, but
 * it has since lived in a file that anything could have changed.
 */
export function deliveryOf(
  operation: string,
  payload: unknown,
  idempotencyKey: string,
): Delivery<unknown> {
  if (!Object.hasOwn(outboxOperations, operation)) throw new Error(`No sender for ${operation}`);
  const name = operation as OutboxOperation;
  const parsed = outboxOperations[name].parse(payload);
  const build = deliveries[name] as (p: unknown, key: string) => Delivery<unknown>;
  return build(parsed, idempotencyKey);
}
