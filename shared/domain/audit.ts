import { z } from 'zod';
import { idSchema, timestampSchema } from '../central/primitives';

/** One row of the console's hash-chained audit log, as a supervisor reviews it. */
export const auditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  /** The operator who saw or did it; `system` for what the console does by itself. */
  operatorId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const filterFields = {
  operatorId: z.string().trim().min(1).max(64).optional(),
  /** A prefix of the action, e.g. `client.` for every view of a client. */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,64}$/, 'letters, dots and underscores')
    .optional(),
  subjectId: idSchema.optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

/** A page of the log, newest first; `beforeSeq` continues below the last row seen. */
export const auditListInputSchema = z
  .object({
    ...filterFields,
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditListInput = z.output<typeof auditListInputSchema>;
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextBeforeSeq: z.number().int().nullable(),
});

export const auditExportInputSchema = z.object(filterFields).strict();
export type AuditFilter = z.output<typeof auditExportInputSchema>;
export const auditExportSchema = z.object({ csv: z.string(), rows: z.number().int() });

/** Where the chain first fails to hold, and how. */
export const chainBreakSchema = z.object({
  seq: z.number().int(),
  reason: z.enum(['altered', 'out_of_order', 'missing', 'anchor_mismatch', 'truncated']),
});
export type ChainBreak = z.infer<typeof chainBreakSchema>;

/** The audit log's own health: is the chain whole, and does it agree with the service's anchors. */
export const auditStatusSchema = z.object({
  rows: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  checkedAt: z.string().nullable(),
  broken: chainBreakSchema.nullable(),
  anchoring: z.object({
    /** null until the service has been asked (`GET /capabilities`). */
    available: z.boolean().nullable(),
    lastSentSeq: z.number().int().nullable(),
    lastSentAt: z.string().nullable(),
    /** Anchors the service holds that the chain was compared with at the last check. */
    compared: z.number().int(),
  }),
});
export type AuditStatus = z.infer<typeof auditStatusSchema>;
