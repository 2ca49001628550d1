import { z } from 'zod';
import { idSchema, timestampSchema } from './primitives';
import { alertSchema, alertTypes, severities } from './records';

/**
 * central-api.md 1.1 `console_alerts`: alerts a console's attached receiver raises, reported so
 * every console works them, and their clearing when the condition ends.
 */
export const raiseAlertBody = z
  .object({
    clientId: idSchema,
    deviceId: idSchema,
    type: z.enum(alertTypes),
    severity: z.enum(severities),
    raisedAt: timestampSchema,
    position: alertSchema.shape.position,
    idempotencyKey: z.uuid(),
  })
  .strict();
export type RaiseAlertBody = z.infer<typeof raiseAlertBody>;

export const clearAlertBody = z.object({ at: timestampSchema, idempotencyKey: z.uuid() }).strict();

export const alertAnswerSchema = z.object({ alert: alertSchema });
