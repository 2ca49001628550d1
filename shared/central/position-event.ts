import { positionSchema } from './records';
import { ID_PATTERN, latSchema, lonSchema, timestampSchema } from './primitives';
import type { StreamEvent } from './stream';

/** A stream message carrying a fix, as the stream's schema gives it. */
export type PositionEvent = Extract<StreamEvent, { type: 'position' }>;

const SOURCES: ReadonlySet<unknown> = new Set(positionSchema.shape.source.options);
const [LAT_MIN, LAT_MAX] = [latSchema.minValue!, latSchema.maxValue!];
const [LON_MIN, LON_MAX] = [lonSchema.minValue!, lonSchema.maxValue!];

/**
 * A position message checked without the schema's machinery, or null: then the caller parses it
 * with the schema (streamEventSchema), which decides and says why. Positions are nearly all of a
 * catch-up, and the schema cost ~2 µs each on the core's thread, a quarter of its work per event
 * and the most garbage (bench:central). This accepts only what the schema accepts, with exactly
 * its fields (the schema would drop others), so its answer is the schema's own; a test holds the
 * two to that on valid, broken and random messages (position-event.test.ts).
 */
export function positionEventOf(json: unknown): PositionEvent | null {
  if (!isRecord(json, 4) || json.type !== 'position') return null;
  if (!Number.isSafeInteger(json.seq) || (json.seq as number) <= 0 || !isTimestamp(json.at))
    return null;
  const d = json.data;
  if (!isRecord(d, 10)) return null;
  if (!isId(d.id) || !isId(d.deviceId) || !isId(d.clientId)) return null;
  if (!isTimestamp(d.at) || !isTimestamp(d.receivedAt)) return null;
  if (!inRange(d.lat, LAT_MIN, LAT_MAX) || !inRange(d.lon, LON_MIN, LON_MAX)) return null;
  if (!inRange(d.accuracyM, 0, Infinity)) return null;
  if (d.speedKmh !== null && !inRange(d.speedKmh, 0, Infinity)) return null;
  if (!SOURCES.has(d.source)) return null;
  return json as unknown as PositionEvent;
}

/** A plain object with exactly `keys` own properties (the ones read after; a missing one fails there). */
function isRecord(value: unknown, keys: number): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count += 1;
  return count === keys && Object.getPrototypeOf(value) === Object.prototype;
}

const isId = (value: unknown): boolean => typeof value === 'string' && ID_PATTERN.test(value);

const inRange = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/** timestampSchema's own pattern (month lengths and leap days included). */
const TIMESTAMP = timestampSchema.def.pattern!;
const isTimestamp = (value: unknown): boolean => typeof value === 'string' && TIMESTAMP.test(value);
