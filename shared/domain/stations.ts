import { z } from 'zod';
import { identitySchema } from '../stations/sentences';

/** What the console's operations say about an attached base station (protocol v1 over serial). */

export const linkStates = ['connecting', 'open', 'silent', 'unplugged', 'closed'] as const;
export type LinkState = (typeof linkStates)[number];

const dropCounts = z.record(z.string(), z.number().int());

export const linkCountersSchema = z.object({
  good: z.number().int(),
  /** Bad lines dropped, by reason (too_long, bad_checksum, field_count…). */
  dropped: dropCounts,
  resends: z.number().int(),
  timeouts: z.number().int(),
  /** Answers whose cmdId nobody waited for any more. */
  strayAnswers: z.number().int(),
});
export type LinkCounters = {
  good: number;
  dropped: Record<string, number>;
  resends: number;
  timeouts: number;
  strayAnswers: number;
};

export const logLineSchema = z.object({
  at: z.string(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  /** Why a bad line was dropped; null for a good one. */
  reason: z.string().nullable(),
});
export type LogLine = z.infer<typeof logLineSchema>;

export const portListSchema = z.object({
  ports: z.array(
    z.object({
      path: z.string(),
      manufacturer: z.string().nullable(),
      serialNumber: z.string().nullable(),
    }),
  ),
  /** Why the system's list could not be read (then only typed paths work). */
  listError: z.string().nullable(),
});
export type PortList = z.infer<typeof portListSchema>;

export const stationModes = ['commissioning', 'receiver'] as const;
export type StationMode = (typeof stationModes)[number];

/** A port path as typed: a device file, a COM port, or the training console's virtual station. */
export const portPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^(\/[^\0]*|COM\d{1,3}|\\\\\.\\COM\d{1,3}|virtual:[a-z0-9-]+)$/, 'must be a device path');

export const connectInputSchema = z
  .object({ path: portPathSchema, mode: z.enum(stationModes) })
  .strict();

const heardTagSchema = z.object({
  tagId: z.string(),
  rssiDbm: z.number(),
  tagBatteryPct: z.number(),
  strap: z.enum(['OK', 'OPEN', 'CUT']),
  lastHeardAt: z.string(),
});

export const rssiSampleSchema = z.object({
  tagId: z.string(),
  at: z.string(),
  rssiDbm: z.number(),
});
export type RssiSample = z.infer<typeof rssiSampleSchema>;

export const stationStatusViewSchema = z.object({
  at: z.string(),
  uptimeS: z.number(),
  mains: z.boolean(),
  batteryPct: z.number(),
  gsmCsq: z.number(),
  caseOpen: z.boolean(),
  tempC: z.number(),
});
export type StationStatusView = z.infer<typeof stationStatusViewSchema>;

export const gpsViewSchema = z.object({
  valid: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  at: z.string(),
});

export const stationViewSchema = z.object({
  path: z.string(),
  mode: z.enum(stationModes),
  state: z.enum(linkStates),
  counters: linkCountersSchema,
  lastHeardAt: z.string().nullable(),
  identity: identitySchema.nullable(),
  status: stationStatusViewSchema.nullable(),
  gps: gpsViewSchema.nullable(),
  tags: z.array(heardTagSchema),
  rfTest: z.object({ running: z.boolean(), samples: z.array(rssiSampleSchema) }),
  /** Events the station reported (SBE), newest last. */
  events: z.array(z.object({ at: z.string(), code: z.string(), tagId: z.string().nullable() })),
});
export type StationView = z.infer<typeof stationViewSchema>;

export const stationsStateSchema = z.object({
  link: stationViewSchema.nullable(),
  /** The training console's virtual station, offered without a serial port. */
  virtualPath: z.string().nullable(),
  /**
   * Where alerts of a receiver go: `shared` (central API 1.1 console_alerts, every console works
   * them) or `local` (a 1.0 service: this console's alone).
   */
  alertsReach: z.enum(['shared', 'local']),
});
export type StationsState = z.infer<typeof stationsStateSchema>;

export const rawCommandInputSchema = z
  .object({
    /** NAME[,arg…] as the protocol writes it; the link adds `$SBC,<cmdId>` and the checksum. */
    line: z
      .string()
      .trim()
      .regex(/^[A-Z]{2,16}(,[\x20-\x7e]*)*$/, 'NAME[,arg…] in upper case')
      .refine((v) => !/[$*]/.test(v), 'no $ or *')
      .refine((v) => v.length <= 150, 'at most 150 characters'),
  })
  .strict();

export const rawAnswerSchema = z.object({ fields: z.array(z.string()) });

export const rfTestInputSchema = z
  .object({ action: z.enum(['start', 'stop']), level: z.number().int().min(1).max(5).optional() })
  .strict();

export { identitySchema };
