import { z } from 'zod';

/**
 * The sentences of base-station protocol v1 (../shared/specs/base-station-protocol.md) as typed
 * records, each parsed with zod after the framing and checksum are checked.
 */

export const stationEventCodes = [
  'TAG_LOST',
  'TAG_RETURN',
  'STRAP_OPEN',
  'STRAP_CLOSED',
  'MAINS_LOST',
  'MAINS_RESTORED',
  'CASE_OPEN',
  'CASE_CLOSED',
  'MOVED',
  'LOW_BATTERY',
] as const;
export type StationEventCode = (typeof stationEventCodes)[number];

export const stationErrorCodes = [
  'E_ARGS',
  'E_UNKNOWN',
  'E_STATE',
  'E_FULL',
  'E_NOTFOUND',
  'E_BUSY',
] as const;
export type StationErrorCode = (typeof stationErrorCodes)[number];

export const commandNames = [
  'GETINFO',
  'GETSTATUS',
  'PAIR',
  'UNPAIR',
  'LISTTAGS',
  'SETRANGE',
  'RFTEST',
  'SETTIME',
  'SETCFG',
  'GETCFG',
  'SETHOME',
  'REBOOT',
] as const;
export type CommandName = (typeof commandNames)[number];

export const configKeys = ['CENTRAL_HOST', 'CENTRAL_PORT', 'APN', 'HB_TIMEOUT_S'] as const;
export type ConfigKey = (typeof configKeys)[number];

/** A station pairs at most this many tags (E_FULL beyond). */
export const MAX_PAIRED_TAGS = 4;

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const flag = z.enum(['0', '1']).transform((v) => v === '1');
const text = z.string().max(64);
const name = z.string().min(1).max(64);
export const cmdIdField = int(1, 65535);

export const identitySchema = z.object({
  model: name,
  serial: name,
  firmware: name,
  hardware: name,
  protocolVersion: name,
});
export type StationIdentity = z.infer<typeof identitySchema>;

export const statusSchema = z.object({
  uptimeS: int(0, 4_000_000_000),
  mains: flag,
  batteryPct: int(0, 100),
  gsmCsq: int(0, 99).refine((v) => v <= 31 || v === 99, 'gsmCsq is 0..31 or 99'),
  caseOpen: flag,
  tempC: int(-60, 120),
});
export type StationStatus = z.infer<typeof statusSchema>;

export const heartbeatSchema = z.object({
  tagId: name,
  rssiDbm: int(-150, 0),
  tagBatteryPct: int(0, 100),
  strap: z.enum(['OK', 'OPEN', 'CUT']),
  tagSeq: int(0, 4_294_967_295),
});
export type TagHeartbeat = z.infer<typeof heartbeatSchema>;

const eventSchema = z.object({
  code: z.enum(stationEventCodes),
  tagId: name.transform((v) => (v === '-' ? null : v)),
  detail: text,
});

/** Field names of the sentences with a fixed number of fields, in wire order. */
const fixedFields = {
  SBI: ['model', 'serial', 'firmware', 'hardware', 'protocolVersion'],
  SBS: ['uptimeS', 'mains', 'batteryPct', 'gsmCsq', 'caseOpen', 'tempC'],
  SBH: ['tagId', 'rssiDbm', 'tagBatteryPct', 'strap', 'tagSeq'],
  SBE: ['code', 'tagId', 'detail'],
  SBN: ['cmdId', 'errorCode', 'text'],
} as const;

const refusalSchema = z.object({ cmdId: cmdIdField, errorCode: name, text });

/** A GPS fix from the station's own receiver (NMEA RMC or GGA). */
export interface GpsFix {
  valid: boolean;
  lat: number | null;
  lon: number | null;
  /** hh:mm:ss UTC of the fix as sent (NMEA carries no date in GGA). */
  time: string;
}

export type Sentence =
  | ({ type: 'SBI' } & StationIdentity)
  | ({ type: 'SBS' } & StationStatus)
  | ({ type: 'SBH' } & TagHeartbeat)
  | ({ type: 'SBE' } & z.infer<typeof eventSchema>)
  | { type: 'SBA'; cmdId: number; fields: string[] }
  | { type: 'SBN'; cmdId: number; errorCode: string; text: string }
  | { type: 'SBC'; cmdId: number; name: string; args: string[] }
  | ({ type: 'RMC' | 'GGA'; talker: string } & GpsFix);

export type SentenceType = Sentence['type'];

/**
 * Field counts after the type: an exact count, or [min, max]. NMEA RMC has 11 fields in 0183
 * v2.2, 12 with the mode indicator (v2.3) and 13 with the navigational status (v4.1).
 */
export const fieldCounts: Record<string, number | readonly [number, number]> = {
  SBI: 5,
  SBS: 6,
  SBH: 5,
  SBE: 3,
  SBN: 3,
  SBA: [1, 20],
  SBC: [2, 20],
  GPRMC: [11, 13],
  GNRMC: [11, 13],
  GPGGA: 14,
  GNGGA: 14,
};

function named(type: keyof typeof fixedFields, fields: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  fixedFields[type].forEach((key, i) => (record[key] = fields[i] ?? ''));
  return record;
}

/** ddmm.mmmm + hemisphere → decimal degrees, or null when empty or out of range. */
function nmeaDegrees(value: string, hemisphere: string, degreeDigits: number): number | null {
  if (value === '') return null;
  if (!/^\d+(\.\d+)?$/.test(value)) return Number.NaN;
  const degrees = Number(value.slice(0, degreeDigits));
  const minutes = Number(value.slice(degreeDigits));
  if (minutes >= 60) return Number.NaN;
  const sign = hemisphere === 'S' || hemisphere === 'W' ? -1 : 1;
  if (!['N', 'S', 'E', 'W'].includes(hemisphere)) return Number.NaN;
  return sign * (degrees + minutes / 60);
}

function gpsFix(kind: 'RMC' | 'GGA', talker: string, f: readonly string[]): Sentence | null {
  const [time, a, b, c, d, e] = f;
  const [latRaw, latH, lonRaw, lonH, valid] =
    kind === 'RMC' ? [b, c, d, e, a === 'A'] : [a, b, c, d, Number(e) > 0];
  const lat = nmeaDegrees(latRaw ?? '', latH ?? '', 2);
  const lon = nmeaDegrees(lonRaw ?? '', lonH ?? '', 3);
  if (Number.isNaN(lat) || Number.isNaN(lon)) return null;
  if ((lat ?? 0) > 90 || (lat ?? 0) < -90 || (lon ?? 0) > 180 || (lon ?? 0) < -180) return null;
  const hhmmss = time ?? '';
  if (hhmmss !== '' && !/^\d{6}(\.\d+)?$/.test(hhmmss)) return null;
  const at = hhmmss ? `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}:${hhmmss.slice(4, 6)}` : '';
  return { type: kind, talker, valid: valid && lat !== null && lon !== null, lat, lon, time: at };
}

/** The typed sentence for a type and its fields (count already checked), or null if a value is bad. */
export function typedSentence(type: string, fields: readonly string[]): Sentence | null {
  switch (type) {
    case 'SBI':
    case 'SBS':
    case 'SBH':
    case 'SBE': {
      const schema = { SBI: identitySchema, SBS: statusSchema, SBH: heartbeatSchema }[
        type as 'SBI'
      ] as z.ZodType | undefined;
      const parsed = (schema ?? eventSchema).safeParse(named(type, fields));
      return parsed.success ? ({ type, ...(parsed.data as object) } as Sentence) : null;
    }
    case 'SBN': {
      const parsed = refusalSchema.safeParse(named(type, fields));
      return parsed.success ? { type, ...parsed.data } : null;
    }
    case 'SBA':
    case 'SBC': {
      const cmdId = cmdIdField.safeParse(fields[0]);
      if (!cmdId.success) return null;
      if (type === 'SBA') return { type, cmdId: cmdId.data, fields: fields.slice(1) };
      const commandName = fields[1] ?? '';
      return commandName === ''
        ? null
        : { type, cmdId: cmdId.data, name: commandName, args: fields.slice(2) };
    }
    default:
      return gpsFix(type.endsWith('RMC') ? 'RMC' : 'GGA', type.slice(0, 2), fields);
  }
}
