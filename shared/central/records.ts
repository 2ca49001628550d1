import { z } from 'zod';
import { idSchema, latSchema, lonSchema, timestampSchema, versionSchema } from './primitives';

// The records of central-api.md ("Records"), field for field. Unknown fields are dropped so that
// a newer service can add fields without breaking older consoles.

export const riskLevels = ['low', 'medium', 'high', 'very_high'] as const;
export const supervisionTypes = [
  'early_release',
  'probation',
  'home_detention',
  'preventive',
  'pretrial',
] as const;

export const clientSchema = z.object({
  id: idSchema,
  version: versionSchema,
  displayName: z.string(),
  caseNumber: z.string(),
  riskLevel: z.enum(riskLevels),
  supervisionType: z.enum(supervisionTypes),
  flags: z.array(z.string()),
  territorialUnit: z.string(),
  caseManager: z.object({ name: z.string(), phone: z.string() }).nullable(),
  phone: z.string().nullable(),
  home: z.object({ address: z.string(), lat: latSchema, lon: lonSchema }).nullable(),
  deviceIds: z.array(idSchema),
  status: z.enum(['active', 'suspended', 'ended']),
  updatedAt: timestampSchema,
});
export type Client = z.infer<typeof clientSchema>;

export const deviceSchema = z.object({
  id: idSchema,
  version: versionSchema,
  serial: z.string(),
  kind: z.enum(['gps_tag', 'rf_tag', 'base_station', 'victim_unit']),
  clientId: idSchema.nullable(),
  batteryPct: z.number().min(0).max(100).nullable(),
  lastSeenAt: timestampSchema.nullable(),
  firmware: z.string().nullable(),
  state: z.enum(['ok', 'fault', 'unassigned', 'retired']),
  updatedAt: timestampSchema,
});
export type Device = z.infer<typeof deviceSchema>;

export const positionSchema = z.object({
  id: idSchema,
  deviceId: idSchema,
  clientId: idSchema,
  at: timestampSchema,
  receivedAt: timestampSchema,
  lat: latSchema,
  lon: lonSchema,
  accuracyM: z.number().nonnegative(),
  speedKmh: z.number().nonnegative().nullable(),
  source: z.enum(['gps', 'cell', 'wifi', 'rf_home']),
});
export type Position = z.infer<typeof positionSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const scheduleSchema = z.object({
  timezone: z.string().min(1),
  rules: z.array(
    z.object({ days: z.array(z.number().int().min(1).max(7)).min(1), start: hhmm, end: hhmm }),
  ),
  exceptions: z.array(
    z.object({
      from: timestampSchema,
      to: timestampSchema,
      active: z.boolean(),
      reason: z.string(),
    }),
  ),
});
export type Schedule = z.infer<typeof scheduleSchema>;

const ring = z.array(z.tuple([lonSchema, latSchema])).min(4);
export const zoneGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({
    type: z.literal('Circle'),
    center: z.tuple([lonSchema, latSchema]),
    radiusM: z.number().positive(),
  }),
]);
export type ZoneGeometry = z.infer<typeof zoneGeometrySchema>;

export const zoneSchema = z.object({
  id: idSchema,
  version: versionSchema,
  clientId: idSchema.nullable(),
  appliesTo: z.array(idSchema),
  kind: z.enum(['inclusion', 'exclusion']),
  name: z.string(),
  geometry: zoneGeometrySchema,
  bufferM: z.number().nonnegative(),
  schedule: scheduleSchema.nullable(),
  updatedAt: timestampSchema,
});
export type Zone = z.infer<typeof zoneSchema>;

/** A zone as it was from `validFrom` until `validTo` (central API 1.1 `zone_history`). */
export const zoneVersionSchema = zoneSchema.extend({
  validFrom: timestampSchema,
  validTo: timestampSchema.nullable(),
});
export type ZoneVersion = z.infer<typeof zoneVersionSchema>;

export const alertTypes = [
  'exclusion_entry',
  'inclusion_exit',
  'curfew_violation',
  'buffer_entry',
  'strap_tamper',
  'case_tamper',
  'battery_low',
  'battery_critical',
  'no_communication',
  'no_location',
  'base_station_power_loss',
  'base_station_tamper',
  'base_station_moved',
  'victim_proximity',
  'device_fault',
] as const;
export const severities = ['critical', 'high', 'medium', 'low'] as const;
export const alertStates = ['open', 'claimed', 'acknowledged', 'resolved'] as const;
export const resolutionCodes = [
  'false_alarm',
  'client_contacted',
  'police_notified',
  'case_manager_notified',
  'equipment_fault',
  'authorised',
  'other',
] as const;

export const alertSchema = z.object({
  id: idSchema,
  version: versionSchema,
  clientId: idSchema,
  deviceId: idSchema.nullable(),
  zoneId: idSchema.nullable(),
  type: z.enum(alertTypes),
  severity: z.enum(severities),
  raisedAt: timestampSchema,
  clearedAt: timestampSchema.nullable(),
  state: z.enum(alertStates),
  claimedBy: idSchema.nullable(),
  acknowledgedAt: timestampSchema.nullable(),
  resolvedAt: timestampSchema.nullable(),
  resolution: z.object({ code: z.enum(resolutionCodes), note: z.string() }).nullable(),
  position: z
    .object({
      lat: latSchema,
      lon: lonSchema,
      accuracyM: z.number().nonnegative(),
      at: timestampSchema,
    })
    .nullable(),
  updatedAt: timestampSchema,
  /** 1.1: `console` for an alert a console's receiver raised; absent means `service`. */
  source: z.enum(['service', 'console']).optional(),
  /** 1.1 `victim_units`: the protection order of a `victim_proximity` alert. */
  orderId: idSchema.nullable().optional(),
  /** 1.1 `suppressions`: the suppression in force when it was raised (it stays silent). */
  suppressedBy: idSchema.nullable().optional(),
});
export type Alert = z.infer<typeof alertSchema>;

/**
 * 1.1 `victim_units`: a victim carrying a victim unit is protected against one client. Closer
 * than `alertDistanceM` raises `victim_proximity`; closer than `warnDistanceM` is a warning.
 */
export const protectionOrderSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    clientId: idSchema,
    victimDeviceId: idSchema,
    alertDistanceM: z.number().positive(),
    warnDistanceM: z.number().positive(),
    active: z.boolean(),
    updatedAt: timestampSchema,
  })
  .refine((order) => order.warnDistanceM >= order.alertDistanceM, {
    message: 'warnDistanceM must be at least alertDistanceM',
    path: ['warnDistanceM'],
  });
export type ProtectionOrder = z.infer<typeof protectionOrderSchema>;

/** 1.1 `victim_units`: where a victim unit was (immutable; never part of a client's trail). */
export const victimPositionSchema = z.object({
  id: idSchema,
  deviceId: idSchema,
  orderId: idSchema,
  at: timestampSchema,
  lat: latSchema,
  lon: lonSchema,
  accuracyM: z.number().nonnegative(),
});
export type VictimPosition = z.infer<typeof victimPositionSchema>;

export const alertActionKinds = [
  'claim',
  'release',
  'acknowledge',
  'note',
  'contact',
  'escalate',
  'resolve',
] as const;
export const alertActionSchema = z.object({
  id: idSchema,
  alertId: idSchema,
  operatorId: idSchema,
  at: timestampSchema,
  kind: z.enum(alertActionKinds),
  payload: z.record(z.string(), z.unknown()),
});
export type AlertAction = z.infer<typeof alertActionSchema>;

export const roles = ['referent', 'supervisor', 'technician', 'admin'] as const;
export type Role = (typeof roles)[number];
export const operatorSchema = z.object({
  id: idSchema,
  name: z.string(),
  roles: z.array(z.enum(roles)),
});
export type Operator = z.infer<typeof operatorSchema>;

export const shiftSchema = z.object({
  id: idSchema,
  version: versionSchema,
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  operatorIds: z.array(idSchema),
  handover: z
    .object({
      summary: z.string(),
      openAlertIds: z.array(idSchema),
      outgoingSignedBy: idSchema,
      outgoingSignedAt: timestampSchema,
      incomingSignedBy: idSchema.nullable(),
      incomingSignedAt: timestampSchema.nullable(),
    })
    .nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

export const journalCategories = ['incident', 'equipment', 'contact', 'handover', 'info'] as const;
export const journalEntrySchema = z.object({
  id: idSchema,
  shiftId: idSchema,
  operatorId: idSchema,
  at: timestampSchema,
  category: z.enum(journalCategories),
  text: z.string(),
  refs: z.object({
    alertIds: z.array(idSchema),
    clientIds: z.array(idSchema),
    deviceIds: z.array(idSchema),
  }),
  correctsEntryId: idSchema.nullable(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;
