import { z } from 'zod';
import { idSchema, timestampSchema } from '../central/primitives';
import {
  alertSchema,
  journalCategories,
  journalEntrySchema,
  shiftSchema,
} from '../central/records';
import { slaDues } from './attention';

/** A journal entry as the page lists it: the service's, or this console's still waiting to be sent. */
export const journalItemSchema = journalEntrySchema.extend({ waiting: z.boolean() });
export type JournalItem = z.infer<typeof journalItemSchema>;

export const operatorNameSchema = z.object({ id: idSchema, name: z.string() });

export const shiftViewSchema = z.object({
  /** The shift open now (at most one), or null. */
  shift: shiftSchema.nullable(),
  journal: z.array(journalItemSchema),
  /** This console's shift actions not yet delivered. */
  waiting: z.object({ start: z.boolean(), handover: z.boolean(), accept: z.boolean() }),
  /** Operators this console knows, for "who is on duty". */
  operators: z.array(operatorNameSchema),
});
export type ShiftView = z.infer<typeof shiftViewSchema>;

export const startShiftInputSchema = z
  .object({ operatorIds: z.array(idSchema).min(1).max(20) })
  .strict();

const refsSchema = z
  .object({
    alertIds: z.array(idSchema).max(20),
    clientIds: z.array(idSchema).max(20),
    deviceIds: z.array(idSchema).max(20),
  })
  .strict();

export const journalAddInputSchema = z
  .object({
    category: z.enum(journalCategories),
    text: z.string().trim().min(1).max(4000),
    refs: refsSchema,
    correctsEntryId: idSchema.nullable(),
  })
  .strict();
export type JournalAddInput = z.infer<typeof journalAddInputSchema>;

export const journalSearchInputSchema = z
  .object({
    text: z.string().max(200).optional(),
    category: z.enum(journalCategories).optional(),
    clientId: idSchema.optional(),
    operatorId: idSchema.optional(),
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type JournalSearch = z.infer<typeof journalSearchInputSchema>;

export const shiftIdInputSchema = z.object({ shiftId: idSchema }).strict();
export const shiftListInputSchema = z
  .object({ from: timestampSchema.optional(), to: timestampSchema.optional() })
  .strict();

export const handoverInputSchema = z
  .object({
    shiftId: idSchema,
    summary: z.string().trim().min(1).max(20_000),
    openAlertIds: z.array(idSchema).max(5000),
    expectedVersion: z.number().int().min(1),
  })
  .strict();
export const acceptInputSchema = z
  .object({ shiftId: idSchema, expectedVersion: z.number().int().min(1) })
  .strict();

const alertLineSchema = z.object({
  alert: alertSchema,
  clientName: z.string().nullable(),
  minutesOpen: z.number(),
  /** Targets missed so far. */
  missed: z.array(z.enum(slaDues)),
});
export type HandoverAlertLine = z.infer<typeof alertLineSchema>;

/** What the console drafts for the outgoing referent to edit and sign. */
export const handoverDraftSchema = z.object({
  shiftId: idSchema,
  at: timestampSchema,
  /** Not resolved: these go in the handover's openAlertIds. */
  open: z.array(alertLineSchema),
  /** Raised during the shift. */
  raised: z.number().int(),
  resolved: z.array(alertLineSchema),
  equipment: z.array(alertLineSchema),
  suppressions: z.array(
    z.object({
      clientName: z.string().nullable(),
      type: z.string(),
      until: z.string(),
      reason: z.string(),
    }),
  ),
  mutedUntil: z.string().nullable(),
  clientsChanged: z.array(z.object({ clientId: idSchema, name: z.string(), status: z.string() })),
  unsent: z.array(
    z.object({ operation: z.string(), subjectId: z.string().nullable(), createdAt: z.string() }),
  ),
});
export type HandoverDraft = z.infer<typeof handoverDraftSchema>;

const timesSchema = z.object({
  count: z.number().int(),
  met: z.number().int(),
  /** Seconds; null with no alerts. */
  medianS: z.number().nullable(),
  worstS: z.number().nullable(),
});
export type SlaTimes = z.infer<typeof timesSchema>;

/** A supervisor's look back at a shift. */
export const shiftReportSchema = z.object({
  shift: shiftSchema,
  from: timestampSchema,
  to: timestampSchema,
  byType: z.array(
    z.object({
      type: z.string(),
      raised: z.number().int(),
      outcomes: z.record(z.string(), z.number().int()),
    }),
  ),
  claim: timesSchema,
  resolve: timesSchema,
  operators: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      alertsHandled: z.number().int(),
      hoursOnDuty: z.number(),
      /** On duty for more than 12 hours. */
      overlong: z.boolean(),
    }),
  ),
  journal: z.array(journalEntrySchema),
  /** Every alert raised in the shift, with the times the figures come from. */
  alerts: z.array(
    z.object({
      id: idSchema,
      type: z.string(),
      severity: z.string(),
      clientName: z.string().nullable(),
      raisedAt: timestampSchema,
      claimedAt: timestampSchema.nullable(),
      claimS: z.number().nullable(),
      claimMet: z.boolean().nullable(),
      resolvedAt: timestampSchema.nullable(),
      resolveS: z.number().nullable(),
      resolveMet: z.boolean().nullable(),
      outcome: z.string(),
      handledBy: z.array(idSchema),
    }),
  ),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

/** Hours on duty past which a referent is flagged: the centre's people burn out. */
export const OVERLONG_DUTY_HOURS = 12;
