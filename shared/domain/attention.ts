import { z } from 'zod';
import { idSchema, timestampSchema } from '../central/primitives';
import { alertTypes, severities } from '../central/records';

/** A supervisor's suppression of one alert type for one client, for a bounded time. */
export const SUPPRESS_MIN_MINUTES = 15;
export const SUPPRESS_MAX_MINUTES = 120;

export const suppressInputSchema = z
  .object({
    clientId: idSchema,
    type: z.enum(alertTypes),
    minutes: z.number().int().min(SUPPRESS_MIN_MINUTES).max(SUPPRESS_MAX_MINUTES),
    reason: z.string().trim().min(3, 'a reason is required').max(500),
  })
  .strict();
export type SuppressInput = z.infer<typeof suppressInputSchema>;

export const suppressionSchema = z.object({
  id: z.number().int().positive(),
  clientId: idSchema,
  type: z.enum(alertTypes),
  from: timestampSchema,
  until: timestampSchema,
  reason: z.string(),
  operatorId: z.string().nullable(),
  liftedAt: timestampSchema.nullable(),
  /** 1.1: its id at the service, which keeps it for every console; null: this console's alone. */
  serviceId: idSchema.nullable(),
  version: z.number().int().nullable(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

/** What a queue line carries about the suppression covering its alert. */
export const suppressionMarkSchema = suppressionSchema.pick({
  id: true,
  until: true,
  reason: true,
  operatorId: true,
});
export type SuppressionMark = z.infer<typeof suppressionMarkSchema>;

export const suppressionListSchema = z.object({
  items: z.array(suppressionSchema),
  /** Whether a new suppression goes to the service (1.1) or stays this console's (1.0). */
  shared: z.boolean(),
});
/** A suppression made here (`suppression`), or queued for the service (`queued`, its outbox id). */
export const suppressResultSchema = z.object({
  suppression: suppressionSchema.nullable(),
  queued: z.number().int().nullable(),
  shared: z.boolean(),
});
export const liftSuppressionInputSchema = z.object({ id: z.number().int().positive() }).strict();

export const slaDues = ['claim', 'resolve'] as const;
export type SlaDue = (typeof slaDues)[number];

/** A missed target, recorded once per alert and due. */
export const slaBreachSchema = z.object({
  alertId: idSchema,
  due: z.enum(slaDues),
  severity: z.enum(severities),
  type: z.enum(alertTypes),
  clientName: z.string().nullable(),
  dueAt: timestampSchema,
  breachedAt: timestampSchema,
});
export type SlaBreach = z.infer<typeof slaBreachSchema>;
export const slaBreachesSchema = z.object({ breaches: z.array(slaBreachSchema) });

/** This console's sounds and notifications: muted until a time, never for good. */
export const MUTE_MAX_MINUTES = 60;
export const muteInputSchema = z
  .object({ minutes: z.number().int().min(1).max(MUTE_MAX_MINUTES) })
  .strict();
export const attentionStateSchema = z.object({
  mutedUntil: timestampSchema.nullable(),
  mutedBy: z.string().nullable(),
});
export type AttentionState = z.infer<typeof attentionStateSchema>;

/** A desktop notification the core shows when the shell can (Electron's Notification). */
export const notifyInputSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    tag: z.string().max(100),
  })
  .strict();
export const notifyResultSchema = z.object({ shown: z.boolean() });

/**
 * Who decides that an alert type may go quiet for a client, and whose console escalations reach:
 * a supervisor. The same rule as the permission table's (an administrator runs the console's
 * settings, not its alerts).
 */
export const isSupervisor = (operator: { roles: readonly string[] } | null | undefined): boolean =>
  operator?.roles.includes('supervisor') ?? false;

/**
 * What the lock screen shows and sounds by: how many alerts are open and how severe, no names.
 * `newest` changes whenever an alert arrives, so the lock screen can sound it.
 */
export const attentionSummarySchema = z.object({
  open: z.number().int(),
  bySeverity: z.object({
    critical: z.number().int(),
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
  }),
  unclaimedCritical: z.number().int(),
  newest: z.object({ id: z.string(), severity: z.enum(severities) }).nullable(),
});
export type AttentionSummary = z.infer<typeof attentionSummarySchema>;
