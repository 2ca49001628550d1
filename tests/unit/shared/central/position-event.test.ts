import { describe, expect, it } from 'vitest';
import { positionEventOf } from '../../../../shared/central/position-event';
import { parseStreamEvent, streamEventSchema } from '../../../../shared/central/stream';
import { pick, rngFrom } from '../../../../electron/core/simulator/rng';
import { position } from '../../../fixtures/central-records';

const valid = (): Record<string, unknown> => ({
  seq: 7,
  at: '2026-11-30T21:04:05.123Z',
  type: 'position',
  data: { ...position({ id: 'P-17_a', deviceId: 'dev_9', clientId: 'client-3' }) },
});

/** The schema's verdict on a copy (zod does not change its input, but the test must not rely on it). */
const bySchema = (json: unknown) => streamEventSchema.safeParse(structuredClone(json));

/** The one rule: the quick path accepts only what the schema accepts, and gives what it gives. */
function expectSchemaAgrees(json: unknown): 'quick' | 'schema' {
  const schema = bySchema(json);
  const quick = positionEventOf(json);
  if (quick) {
    expect(schema.success, JSON.stringify(json)).toBe(true);
    expect(quick).toEqual(schema.data);
  }
  const parsed = parseStreamEvent(json);
  expect(parsed.success).toBe(schema.success);
  if (parsed.success) expect(parsed.data).toEqual(schema.data);
  return quick ? 'quick' : 'schema';
}

/** Values that break, or nearly break, one field or another. */
const TRICKY: unknown[] = [
  undefined,
  null,
  0,
  -0,
  1.5,
  -1,
  90,
  90.0001,
  -180,
  180.5,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Infinity,
  '',
  'x',
  'a'.repeat(64),
  'a'.repeat(65),
  'bad id',
  'ā',
  '12',
  'gps',
  'GPS',
  'rf_home',
  'position',
  'client',
  '2026-02-29T10:00:00.000Z',
  '2024-02-29T10:00:00.000Z',
  '1900-02-29T10:00:00.000Z',
  '2000-02-29T10:00:00.000Z',
  '2026-04-31T10:00:00.000Z',
  '2026-11-30T24:00:00.000Z',
  '2026-11-30T23:59:60.000Z',
  '2026-11-30T10:00:00Z',
  '2026-11-30T10:00:00.0000Z',
  '2026-11-30T10:00:00.000z',
  '2026-11-30T10:00:00.000+00:00',
  '2026-11-30 10:00:00.000Z',
  ' 2026-11-30T10:00:00.000Z',
  '+012026-11-30T10:00:00.000Z',
  [],
  {},
  [56.9],
  { lat: 1 },
  true,
];

describe('a position message checked by the quick path', () => {
  it('takes a well-formed position, with the schema’s result', () => {
    expect(expectSchemaAgrees(valid())).toBe('quick');
    const still = valid();
    (still.data as Record<string, unknown>).speedKmh = null;
    (still.data as Record<string, unknown>).lat = -90;
    (still.data as Record<string, unknown>).at = '2024-02-29T23:59:59.999Z';
    expect(expectSchemaAgrees(still)).toBe('quick');
  });

  it('leaves every other message to the schema', () => {
    const withExtra = { ...valid(), extra: 1 };
    const dataExtra = { ...valid(), data: { ...(valid().data as object), battery: 80 } };
    const other = { seq: 8, at: '2026-11-30T21:04:05.123Z', type: 'heartbeat', data: {} };
    // The schema takes these (dropping the extra field), the quick path does not.
    for (const json of [withExtra, dataExtra, other])
      expect(expectSchemaAgrees(json)).toBe('schema');
    expect(bySchema(withExtra).success).toBe(true);
    expect(parseStreamEvent(dataExtra).data).not.toHaveProperty('data.battery');
  });

  it('never takes a field the schema refuses (each field, each tricky value)', () => {
    const base = valid();
    const fields = [
      ...Object.keys(base).map((key) => [key] as const),
      ...Object.keys(base.data as object).map((key) => ['data', key] as const),
    ];
    let refused = 0;
    for (const path of fields)
      for (const value of TRICKY) {
        const json = valid();
        const target = path.length === 1 ? json : (json.data as Record<string, unknown>);
        const key = path.at(-1)!;
        if (value === undefined) delete target[key];
        else target[key] = value;
        if (!bySchema(json).success) refused += 1;
        expectSchemaAgrees(json);
      }
    expect(refused).toBeGreaterThan(fields.length * 20);
  });

  it('agrees with the schema on 5,000 randomly broken messages', () => {
    const rng = rngFrom(19);
    const seen = { quick: 0, schema: 0 };
    for (let i = 0; i < 5000; i += 1) {
      const json = valid();
      const data = json.data as Record<string, unknown>;
      for (let n = 0; n < 1 + Math.floor(rng() * 2); n += 1) {
        const [target, keys] = rng() < 0.3 ? [json, Object.keys(json)] : [data, Object.keys(data)];
        if (rng() < 0.5) continue; // some messages stay valid
        const key = rng() < 0.9 ? pick(rng, keys) : 'unexpected';
        const value = pick(rng, TRICKY);
        if (value === undefined) delete target[key];
        else target[key] = value;
      }
      seen[expectSchemaAgrees(json)] += 1;
    }
    expect(seen.quick).toBeGreaterThan(1000);
    expect(seen.schema).toBeGreaterThan(1000);
  });
});
