import { z } from 'zod';
import { positionEventOf } from './position-event';
import { idSchema, seqSchema, timestampSchema } from './primitives';
import { serviceSuppressionSchema } from './suppressions';
import {
  alertActionSchema,
  alertSchema,
  clientSchema,
  deviceSchema,
  journalEntrySchema,
  positionSchema,
  protectionOrderSchema,
  shiftSchema,
  victimPositionSchema,
  zoneSchema,
} from './records';

/** One event-stream message (central-api.md, "Event stream"). */
function event<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({ seq: seqSchema, at: timestampSchema, type: z.literal(type), data });
}

export const streamEventSchema = z.discriminatedUnion('type', [
  event('position', positionSchema),
  event('client', clientSchema),
  event('device', deviceSchema),
  event('zone', zoneSchema),
  // `at`: central API 1.1 (`zone_history`) says when; a 1.0 service leaves it out.
  event('zone.deleted', z.object({ id: idSchema, at: timestampSchema.optional() })),
  event('shift', shiftSchema),
  event('journal.entry', journalEntrySchema),
  event('alert', alertSchema),
  event('alert.action', alertActionSchema),
  // Central API 1.1 `victim_units`.
  event('protection_order', protectionOrderSchema),
  event('victim.position', victimPositionSchema),
  // Central API 1.1 `suppressions`: the whole record after any change.
  event('suppression', serviceSuppressionSchema),
  event('heartbeat', z.object({})),
  event('reset', z.object({ reason: z.string() })),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventType = StreamEvent['type'];

/** One stream message, as streamEventSchema parses it; a well-formed position by a quicker path. */
export function parseStreamEvent(json: unknown): ReturnType<typeof streamEventSchema.safeParse> {
  const position = positionEventOf(json);
  if (position) return { success: true, data: position };
  return streamEventSchema.safeParse(json);
}

export const snapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  clients: z.array(clientSchema),
  devices: z.array(deviceSchema),
  zones: z.array(zoneSchema),
  openAlerts: z.array(alertSchema),
  lastPositions: z.array(positionSchema),
  /** 1.1 `victim_units`; a 1.0 service leaves it out. */
  protectionOrders: z.array(protectionOrderSchema).optional(),
  /** 1.1 `suppressions`: those in force; a 1.0 service leaves it out. */
  suppressions: z.array(serviceSuppressionSchema).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** A page of a history endpoint (positions, alerts, shifts, journal). */
export function pageOf<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
