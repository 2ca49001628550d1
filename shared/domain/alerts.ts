import { z } from 'zod';
import { idSchema } from '../central/primitives';
import { slaDues, suppressionMarkSchema } from './attention';
import { alertActionSchema, alertSchema, clientSchema, type severities } from '../central/records';

/** One line of the alert queue: the alert with what a referent needs to read it at a glance. */
export const alertQueueItemSchema = z.object({
  alert: alertSchema,
  clientName: z.string().nullable(),
  caseNumber: z.string().nullable(),
  riskLevel: clientSchema.shape.riskLevel.nullable(),
  zoneName: z.string().nullable(),
  /** The supervisor's suppression it was raised under: listed apart, silent. */
  suppression: suppressionMarkSchema.nullable(),
  /** Targets this console saw it miss (each escalated once). */
  breached: z.array(z.enum(slaDues)),
});
export type AlertQueueItem = z.infer<typeof alertQueueItemSchema>;

/** Every alert not yet resolved, most urgent first (severity, client's risk, age). */
export const alertQueueSchema = z.object({ items: z.array(alertQueueItemSchema) });
export type AlertQueue = z.infer<typeof alertQueueSchema>;

/** The queue's lines for some alerts, asked again after they changed (most are in no burst). */
export const alertQueueChangesInputSchema = z
  .object({ alertIds: z.array(idSchema).min(1).max(1000) })
  .strict();
/** The queue's order (every open alert's id) and the lines of the changed alerts still in it. */
export const alertQueueChangesSchema = z.object({
  order: z.array(idSchema),
  items: z.array(alertQueueItemSchema),
});
export type AlertQueueChanges = z.infer<typeof alertQueueChangesSchema>;

export const alertInputSchema = z.object({ alertId: idSchema }).strict();

/** An alert with its whole journal (every action, oldest first). */
export const alertDetailSchema = z.object({
  item: alertQueueItemSchema,
  actions: z.array(alertActionSchema),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export type Severity = (typeof severities)[number];

/** How soon an alert of a severity must be claimed and resolved, in seconds from being raised. */
export const slaTargetSchema = z
  .object({
    claimS: z.number().int().min(10).max(86_400),
    resolveS: z
      .number()
      .int()
      .min(60)
      .max(7 * 86_400),
  })
  .strict()
  .refine((target) => target.resolveS >= target.claimS, {
    message: 'resolving cannot be due before claiming',
    path: ['resolveS'],
  });
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const alertSlaSchema = z
  .object({
    critical: slaTargetSchema,
    high: slaTargetSchema,
    medium: slaTargetSchema,
    low: slaTargetSchema,
  })
  .strict();
export type AlertSla = z.infer<typeof alertSlaSchema>;

export const defaultAlertSla: AlertSla = {
  critical: { claimS: 60, resolveS: 15 * 60 },
  high: { claimS: 5 * 60, resolveS: 60 * 60 },
  medium: { claimS: 15 * 60, resolveS: 8 * 3600 },
  low: { claimS: 60 * 60, resolveS: 24 * 3600 },
};

export interface SlaStatus {
  /** What is due next: a claim (the alert is open) or its resolution; none once resolved. */
  due: 'claim' | 'resolve' | null;
  /** When it is due (ms since the epoch); null once resolved. */
  dueAt: number | null;
  /** Milliseconds left until due; negative once breached. */
  remainingMs: number;
  breached: boolean;
}

/**
 * Where an alert stands against its targets. Both are counted from when it was raised: an alert
 * released back to the queue is as late as it has been waiting.
 */
export function slaStatus(
  alert: Pick<z.infer<typeof alertSchema>, 'state' | 'severity' | 'raisedAt'>,
  sla: AlertSla,
  nowMs: number,
): SlaStatus {
  if (alert.state === 'resolved')
    return { due: null, dueAt: null, remainingMs: 0, breached: false };
  const target = sla[alert.severity];
  const due = alert.state === 'open' ? 'claim' : 'resolve';
  const dueAt =
    Date.parse(alert.raisedAt) + 1000 * (due === 'claim' ? target.claimS : target.resolveS);
  const remainingMs = dueAt - nowMs;
  return { due, dueAt, remainingMs, breached: remainingMs < 0 };
}
