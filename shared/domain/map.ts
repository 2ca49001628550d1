import { approachSchema } from '../zones/approach';
import { z } from 'zod';
import { idSchema } from '../central/primitives';
import {
  alertSchema,
  clientSchema,
  deviceSchema,
  positionSchema,
  zoneSchema,
  type Alert,
} from '../central/records';

/** A client's newest fix, compact: [clientId, lat, lon, at (ms), accuracyM, speedKmh or null]. */
export const fixTupleSchema = z.tuple([
  idSchema,
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number().nullable(),
]);
export type FixTuple = z.infer<typeof fixTupleSchema>;

/** What the map draws for one client. */
export const mapClientSchema = z.object({
  id: idSchema,
  name: z.string(),
  caseNumber: z.string(),
  riskLevel: clientSchema.shape.riskLevel,
  status: clientSchema.shape.status,
  /** Newest fix, or null if the client has none yet. */
  fix: fixTupleSchema.nullable(),
});
export type MapClient = z.infer<typeof mapClientSchema>;

/**
 * An alert as the map needs it: whose, how bad, and whether it is still open; its version tells a
 * page whether the line it holds is already as new.
 */
const MARK = {
  id: true,
  version: true,
  clientId: true,
  severity: true,
  state: true,
  type: true,
  position: true,
} as const;
export const alertMarkSchema = alertSchema.pick(MARK);
export type AlertMark = z.infer<typeof alertMarkSchema>;

/** An alert's mark: its fields named in MARK, nothing else (the map is sent every change). */
export function alertMark(alert: Alert): AlertMark {
  const mark: Partial<Record<keyof Alert, unknown>> = {};
  for (const key of Object.keys(MARK) as (keyof typeof MARK)[]) mark[key] = alert[key];
  return mark as AlertMark;
}

/** Everything the map starts from; live changes follow as `map.fixes` and `alerts.changed`. */
export const mapSnapshotSchema = z.object({
  clients: z.array(mapClientSchema),
  zones: z.array(zoneSchema),
  openAlerts: z.array(alertMarkSchema),
});
export type MapSnapshot = z.infer<typeof mapSnapshotSchema>;

export const mapFixesSchema = z.object({ fixes: z.array(fixTupleSchema) });
export const alertsChangedSchema = z.object({
  alerts: z.array(alertMarkSchema),
  /** Alerts whose journal grew (an action such as a note changes no alert field). */
  acted: z.array(idSchema),
});
export const zonesChangedSchema = z.object({
  zones: z.array(zoneSchema),
  deleted: z.array(idSchema),
});

export const clientInputSchema = z.object({ clientId: idSchema }).strict();

/** The side panel: the client, their devices, last fix, open alerts and zones. */
export const clientDetailSchema = z.object({
  view: z.literal('full'),
  client: clientSchema,
  devices: z.array(deviceSchema),
  lastFix: positionSchema.nullable(),
  openAlerts: z.array(alertSchema),
  zones: z.array(zoneSchema),
  /** Exclusion zones the client is heading for (see shared/zones/approach.ts). */
  approaches: z.array(approachSchema),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

/**
 * What a technician sees of a client: only what commissioning their equipment needs (who, where
 * the station goes, which devices), never the case, the offences, the alerts or the positions.
 */
export const commissioningViewSchema = z.object({
  view: z.literal('commissioning'),
  client: z.object({
    id: idSchema,
    displayName: z.string(),
    installationAddress: z.string().nullable(),
    /** Where the address is: a commissioned station's position is checked against it. */
    installationPosition: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    deviceIds: z.array(idSchema),
  }),
  devices: z.array(deviceSchema),
});
export type CommissioningView = z.infer<typeof commissioningViewSchema>;

export const clientViewSchema = z.discriminatedUnion('view', [
  clientDetailSchema,
  commissioningViewSchema,
]);
export type ClientView = z.infer<typeof clientViewSchema>;

export const trailInputSchema = z
  .object({ clientId: idSchema, hours: z.number().min(0.25).max(72) })
  .strict();
/** A trail as columns (times in ms), oldest first. */
export const trailSchema = z.object({
  clientId: idSchema,
  at: z.array(z.number()),
  lat: z.array(z.number()),
  lon: z.array(z.number()),
});
export type Trail = z.infer<typeof trailSchema>;

/** The full record, or null for the commissioning view (a page that needs the case has none). */
export const fullView = (view: ClientView): ClientDetail | null =>
  view.view === 'full' ? view : null;

/** A client on the map flagged as heading for one of their exclusion zones (the soonest). */
export const approachFlagSchema = approachSchema.extend({ clientId: idSchema });
export type ApproachFlag = z.infer<typeof approachFlagSchema>;
export const approachFlagsSchema = z.object({ items: z.array(approachFlagSchema) });
