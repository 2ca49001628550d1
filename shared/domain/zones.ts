import { z } from 'zod';
import { idSchema, timestampSchema, versionSchema } from '../central/primitives';
import { zoneSchema } from '../central/records';

/**
 * A zone as the editor sends it: a new one (no zoneId), or a change to the version the
 * supervisor started from (zoneId and expectedVersion: a change made meanwhile elsewhere is
 * refused by the service with 409, never overwritten).
 */
export const zoneDraftSchema = zoneSchema
  .omit({ id: true, version: true, updatedAt: true })
  .extend({
    name: z.string().max(120),
    zoneId: idSchema.optional(),
    expectedVersion: versionSchema.optional(),
  })
  .refine((draft) => (draft.zoneId === undefined) === (draft.expectedVersion === undefined), {
    message: 'a change names both zoneId and expectedVersion',
    path: ['expectedVersion'],
  });
export type ZoneDraft = z.infer<typeof zoneDraftSchema>;

/** The outbox item that carries the change (it is sent when the service can be reached). */
export const zoneQueuedSchema = z.object({
  id: z.number().int().nonnegative(),
  zoneId: idSchema.nullable(),
});
export type ZoneQueued = z.infer<typeof zoneQueuedSchema>;

export const zoneDeleteInputSchema = z.object({ zoneId: idSchema, expectedVersion: versionSchema });
export const zoneIdInputSchema = z.object({ zoneId: idSchema });

/** One version of a zone: when it was in force, who made it (where this console knows), what changed. */
export const zoneChangeSchema = z.object({
  version: versionSchema,
  validFrom: timestampSchema,
  validTo: timestampSchema.nullable(),
  /** The operator, when the change was made on this console; null for another console's. */
  changedBy: z.string().nullable(),
  /** The fields that differ from the version before (empty for the first). */
  changed: z.array(z.string()),
  zone: zoneSchema,
});
export type ZoneChange = z.infer<typeof zoneChangeSchema>;

export const zoneHistorySchema = z.object({
  /** Newest first. */
  items: z.array(zoneChangeSchema),
  /** `service`: every version from central API 1.1 `zone_history`; `cache`: the versions this console saw. */
  source: z.enum(['service', 'cache']),
});
export type ZoneHistory = z.infer<typeof zoneHistorySchema>;
