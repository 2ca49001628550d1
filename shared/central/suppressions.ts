import { z } from 'zod';
import { idSchema, timestampSchema } from './primitives';
import { alertTypes } from './records';

/**
 * central-api.md 1.1 `suppressions`: a supervisor's suppression of one alert type for one client,
 * kept by the service and streamed to every console. Alerts raised while it is in force carry
 * `suppressedBy`; consoles do not sound, notify or escalate them.
 */
export const serviceSuppressionSchema = z.object({
  id: idSchema,
  version: z.number().int().min(1),
  clientId: idSchema,
  alertType: z.enum(alertTypes),
  from: timestampSchema,
  until: timestampSchema,
  reason: z.string(),
  createdBy: idSchema,
  liftedAt: timestampSchema.nullable(),
  liftedBy: idSchema.nullable(),
  updatedAt: timestampSchema,
});
export type ServiceSuppression = z.infer<typeof serviceSuppressionSchema>;

/** A suppression lasts 15 minutes to 2 hours (checked by the service against its own clock). */
export const SUPPRESSION_MIN_MS = 15 * 60_000;
export const SUPPRESSION_MAX_MS = 2 * 3_600_000;

export const createSuppressionBody = z
  .object({
    clientId: idSchema,
    alertType: z.enum(alertTypes),
    until: timestampSchema,
    reason: z.string().trim().min(1, 'a reason is required').max(500),
    idempotencyKey: z.uuid(),
  })
  .strict();

export const liftSuppressionBody = z
  .object({ expectedVersion: z.number().int().min(1), idempotencyKey: z.uuid() })
  .strict();

export const suppressionAnswerSchema = z.object({ suppression: serviceSuppressionSchema });
