import { z } from 'zod';
import { alertActionKinds, resolutionCodes, zoneSchema } from './records';
import { idSchema, timestampSchema } from './primitives';

// Request bodies of central-api.md, as the service checks them and as the console's outbox
// checks an action before queueing it.

const key = z.uuid();

export const loginBody = z.object({ username: z.string().min(1), password: z.string().min(1) });

/** An alert action's fields (the body without its key), checked kind by kind. */
export const actionFields = z.object({
  kind: z.enum(alertActionKinds),
  payload: z.record(z.string(), z.unknown()),
  expectedVersion: z.number().int().min(1),
});

/** Adds the per-kind payload check (note needs text, resolve a known code, ...) to a schema. */
export function withPayloadCheck<
  S extends z.ZodType<{ kind: string; payload: Record<string, unknown> }>,
>(schema: S) {
  return schema.superRefine((body, context) => {
    const problem = payloadProblem(body.kind, body.payload);
    if (problem)
      context.addIssue({
        code: 'custom',
        path: ['payload', problem.field],
        message: problem.message,
      });
  });
}

export const actionBody = withPayloadCheck(actionFields.extend({ idempotencyKey: key }));

function payloadProblem(
  kind: string,
  payload: Record<string, unknown>,
): { field: string; message: string } | null {
  const text = (field: string) =>
    typeof payload[field] === 'string' && (payload[field] as string).trim() !== ''
      ? null
      : { field, message: 'required text' };
  switch (kind) {
    case 'note':
      return text('text');
    case 'contact':
      return text('who') ?? text('channel') ?? text('outcome');
    case 'escalate':
      return text('to') ?? text('reason');
    case 'resolve':
      return (resolutionCodes as readonly unknown[]).includes(payload.code)
        ? null
        : { field: 'code', message: `one of ${resolutionCodes.join(', ')}` };
    default:
      return null;
  }
}

const zoneFields = zoneSchema.omit({ id: true, version: true, updatedAt: true });
export const createZoneBody = zoneFields.extend({ idempotencyKey: key });
export const updateZoneBody = zoneFields.extend({ expectedVersion: z.number().int().min(1) });

export const createShiftBody = z.object({
  operatorIds: z.array(idSchema).min(1),
  idempotencyKey: key,
});
export const handoverBody = z.object({
  summary: z.string(),
  openAlertIds: z.array(idSchema),
  idempotencyKey: key,
  expectedVersion: z.number().int().min(1),
});
export const acceptBody = z.object({
  idempotencyKey: key,
  expectedVersion: z.number().int().min(1),
});

export const journalBody = z.object({
  shiftId: idSchema,
  category: z.enum(['incident', 'equipment', 'contact', 'handover', 'info']),
  text: z.string().min(1),
  refs: z.object({
    alertIds: z.array(idSchema),
    clientIds: z.array(idSchema),
    deviceIds: z.array(idSchema),
  }),
  correctsEntryId: idSchema.nullable(),
  idempotencyKey: key,
});

/** Query parameters shared by the history endpoints. */
export const pageQuery = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
