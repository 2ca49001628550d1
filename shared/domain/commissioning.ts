import { z } from 'zod';
import { idSchema } from '../central/primitives';
import { identitySchema } from '../stations/sentences';

/**
 * A base station's commissioning: the steps a technician takes at the centre before the station
 * goes to a client's home, each with what was measured, and the report they sign at the end.
 */

export const commissioningSteps = [
  'identity',
  'status',
  'clock',
  'config',
  'pair',
  'range',
  'home',
] as const;
export type CommissioningStep = (typeof commissioningSteps)[number];

/** Pass/fail limits of the status check, the centre's (Settings, admins). */
export const stationLimitsSchema = z
  .object({
    minBatteryPct: z.number().int().min(0).max(100),
    /** GSM signal quality, 0..31 (99: unknown, always a fail). */
    minGsmCsq: z.number().int().min(0).max(31),
    requireMains: z.boolean(),
    requireCaseClosed: z.boolean(),
  })
  .strict();
export type StationLimits = z.infer<typeof stationLimitsSchema>;

export const defaultStationLimits: StationLimits = {
  minBatteryPct: 80,
  minGsmCsq: 10,
  requireMains: true,
  requireCaseClosed: true,
};

/** Where a commissioned station reports to (SETCFG), the centre's defaults. */
export const stationConfigSchema = z
  .object({
    centralHost: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,100}$/, 'a host name or address'),
    centralPort: z.number().int().min(1).max(65535),
    apn: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,63}$/, 'an access point name'),
  })
  .strict();
export type StationConfig = z.infer<typeof stationConfigSchema>;

export const defaultStationConfig: StationConfig = {
  centralHost: 'em.example.lv',
  centralPort: 5050,
  apn: 'em.lmt.lv',
};

export const checkNames = ['mains', 'battery', 'gsm', 'case'] as const;

const checkSchema = z.object({
  name: z.enum(checkNames),
  value: z.union([z.number(), z.boolean()]),
  /** The limit as the page words it: a number (at least) or a required state. */
  limit: z.union([z.number(), z.boolean()]),
  pass: z.boolean(),
});
export type StatusCheck = z.infer<typeof checkSchema>;

export const tagRangeSchema = z.object({
  tagId: z.string(),
  samples: z.number().int(),
  minRssiDbm: z.number().nullable(),
  meanRssiDbm: z.number().nullable(),
  maxRssiDbm: z.number().nullable(),
});

const stepStateSchema = z.object({
  done: z.boolean(),
  at: z.string().nullable(),
  /** The last failure's code and text, shown until the step succeeds. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const commissioningReportSchema = z.object({
  id: z.string(),
  state: z.enum(['draft', 'signed']),
  stationSerial: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  homeAddress: z.string().nullable(),
  technicianId: z.string(),
  technicianName: z.string(),
  startedAt: z.string(),
  signedAt: z.string().nullable(),
  steps: z.record(z.enum(commissioningSteps), stepStateSchema),
  identity: identitySchema.nullable(),
  checks: z.array(checkSchema),
  clockSetTo: z.string().nullable(),
  config: stationConfigSchema.nullable(),
  tags: z.array(z.object({ tagId: z.string(), deviceId: z.string(), pairedAt: z.string() })),
  range: z.object({ level: z.number().int(), tags: z.array(tagRangeSchema) }).nullable(),
  home: z
    .object({
      lat: z.number(),
      lon: z.number(),
      /** Metres from the client's home address in the register; null when it has no position. */
      distanceM: z.number().nullable(),
    })
    .nullable(),
});
export type CommissioningReport = z.infer<typeof commissioningReportSchema>;

export const reportSummarySchema = commissioningReportSchema.pick({
  id: true,
  state: true,
  stationSerial: true,
  clientId: true,
  clientName: true,
  technicianName: true,
  startedAt: true,
  signedAt: true,
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const startCommissioningInputSchema = z.object({ clientId: idSchema }).strict();

export const commissioningStepInputSchema = z.discriminatedUnion('step', [
  z.object({ reportId: idSchema, step: z.literal('identity') }).strict(),
  z.object({ reportId: idSchema, step: z.literal('status') }).strict(),
  z.object({ reportId: idSchema, step: z.literal('clock') }).strict(),
  z.object({ reportId: idSchema, step: z.literal('config'), config: stationConfigSchema }).strict(),
  z
    .object({
      reportId: idSchema,
      step: z.literal('pair'),
      deviceIds: z.array(idSchema).min(1).max(4),
    })
    .strict(),
  z
    .object({ reportId: idSchema, step: z.literal('range'), level: z.number().int().min(1).max(5) })
    .strict(),
  z.object({ reportId: idSchema, step: z.literal('home') }).strict(),
]);
export type CommissioningStepInput = z.infer<typeof commissioningStepInputSchema>;

export const reportIdInputSchema = z.object({ reportId: idSchema }).strict();

export const reportListInputSchema = z
  .object({ stationSerial: z.string().max(64).optional(), clientId: idSchema.optional() })
  .strict();

/** A document made in the core: the desktop saves it, the headless page downloads it. */
export const documentSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  sha256: z.string(),
});
export type ConsoleDocument = z.infer<typeof documentSchema>;

export const deviceRowSchema = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  batteryPct: z.number().nullable(),
  lastSeenAt: z.string().nullable(),
  firmware: z.string().nullable(),
  state: z.string(),
  reports: z.number().int(),
  /** What a receiver attached to this console last heard of it (beside the service's record). */
  heard: z
    .object({
      at: z.string(),
      strap: z.enum(['OK', 'OPEN', 'CUT']).nullable(),
      mains: z.boolean().nullable(),
      caseOpen: z.boolean().nullable(),
      event: z.string().nullable(),
    })
    .nullable(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;
