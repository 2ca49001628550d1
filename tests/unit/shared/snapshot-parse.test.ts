import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../shared/central/snapshot-parse';
import { snapshotSchema } from '../../../shared/central/stream';
import { alert, client, position, zone } from '../../fixtures/central-records';

const valid = () => ({
  seq: 42,
  clients: [client({ id: 'c1' }), client({ id: 'c2' })],
  devices: [],
  zones: [zone({ id: 'z1' })],
  openAlerts: [alert({ id: 'a1' })],
  lastPositions: [position({ id: 'p1' })],
  extra: 'a field a newer service added',
});

/** The whole-object check this one must agree with, on the same input. */
const byWholeSchema = (json: unknown) => {
  const parsed = snapshotSchema.safeParse(structuredClone(json));
  return parsed.success ? parsed.data : null;
};

describe('a snapshot checked a record at a time', () => {
  it('gives what the whole-object check gives for a good snapshot (unknown fields dropped)', () => {
    const json = valid();
    const expected = byWholeSchema(json);
    const result = parseSnapshot(json);
    expect('snapshot' in result && result.snapshot).toEqual(expected);
    expect('snapshot' in result && 'extra' in result.snapshot).toBe(false);
  });

  it('takes the 1.1 arrays when given and leaves them out for a 1.0 service', () => {
    const result = parseSnapshot({ ...valid(), suppressions: [], protectionOrders: [] });
    expect('snapshot' in result && result.snapshot.suppressions).toEqual([]);
    const old = parseSnapshot(valid());
    expect('snapshot' in old && 'suppressions' in old.snapshot).toBe(false);
  });

  it('refuses what the whole-object check refuses, naming the record and field', () => {
    const badClient = { ...client({ id: 'c2' }), riskLevel: 'x' };
    const bad: [unknown, RegExp][] = [
      [{ ...valid(), clients: [client({ id: 'c1' }), badClient] }, /^clients\.1\.riskLevel /],
      [{ ...valid(), seq: -1 }, /^seq /],
      [{ ...valid(), zones: 'none' }, /^zones /],
      [{ ...valid(), lastPositions: undefined }, /^lastPositions /],
      [{ ...valid(), suppressions: [{}] }, /^suppressions\.0\./],
      [[valid()], /not a JSON object/],
      [null, /not a JSON object/],
    ];
    for (const [json, problem] of bad) {
      expect(byWholeSchema(json)).toBeNull();
      const result = parseSnapshot(json);
      expect('problem' in result && result.problem).toMatch(problem);
    }
  });
});
