import { z } from 'zod';
import { idSchema, timestampSchema } from '../central/primitives';
import { distanceM } from '../geo/distance';

/**
 * How near a protected-against client is to the victim unit, as a band only: `alert` closer than
 * the order's alert distance, `warning` closer than its warning distance, `far` beyond, `unknown`
 * when either has no fix in the last RECENT_MS. Never the distance or a direction: with the
 * client's own position those would place the victim.
 */
export const proximityBands = ['far', 'warning', 'alert', 'unknown'] as const;
export type ProximityBand = (typeof proximityBands)[number];

/** Fixes older than this tell nothing about where someone is now. */
export const RECENT_MS = 15 * 60_000;

export const protectionBandSchema = z.object({
  orderId: idSchema,
  active: z.boolean(),
  alertDistanceM: z.number(),
  warnDistanceM: z.number(),
  band: z.enum(proximityBands),
});
export type ProtectionBand = z.infer<typeof protectionBandSchema>;

export const protectionInputSchema = z.object({ clientId: idSchema });
export const protectionSchema = z.object({
  orders: z.array(protectionBandSchema),
  /** False against a 1.0 service: it knows no victim units, the console holds no orders. */
  offered: z.boolean(),
});
export type Protection = z.infer<typeof protectionSchema>;

/**
 * A victim shown on the map: only while a `victim_proximity` alert for their order is unresolved,
 * as a circle of the order's alert distance around the unit's last fix.
 */
export const shownVictimSchema = z.object({
  orderId: idSchema,
  alertId: idSchema,
  clientId: idSchema,
  alertDistanceM: z.number(),
  position: z
    .object({ lat: z.number(), lon: z.number(), accuracyM: z.number(), at: timestampSchema })
    .nullable(),
});
export type ShownVictim = z.infer<typeof shownVictimSchema>;
export const shownVictimsSchema = z.object({ victims: z.array(shownVictimSchema) });

interface Fix {
  lat: number;
  lon: number;
  at: string;
}

/** The band of an order now, from the client's and the victim unit's last fixes. */
export function proximityBand(
  order: { alertDistanceM: number; warnDistanceM: number },
  client: Fix | null,
  victim: Fix | null,
  nowMs: number,
): ProximityBand {
  if (!client || !victim) return 'unknown';
  if (nowMs - Date.parse(client.at) > RECENT_MS || nowMs - Date.parse(victim.at) > RECENT_MS)
    return 'unknown';
  const metres = distanceM(client, victim);
  return metres < order.alertDistanceM ? 'alert' : metres < order.warnDistanceM ? 'warning' : 'far';
}
