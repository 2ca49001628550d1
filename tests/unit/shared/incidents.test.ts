import { describe, expect, it } from 'vitest';
import { groupIncidents } from '../../../shared/domain/incidents';
import { queueLine } from '../../fixtures/central-records';

const T = Date.parse('2026-11-22T02:00:00.000Z');
const MIN = 60_000;
const line = (fields: Parameters<typeof queueLine>[0]) => queueLine({ at: T, ...fields });

describe('incidents', () => {
  it('groups a client’s alerts raised within 20 minutes of each other, chained', () => {
    const a = line({ clientId: 'c1', at: T, severity: 'low' });
    const b = line({ clientId: 'c1', at: T + 15 * MIN, severity: 'critical' });
    const c = line({ clientId: 'c1', at: T + 34 * MIN }); // 19 min after b: same incident
    const d = line({ clientId: 'c1', at: T + 60 * MIN }); // 26 min after c: a new one
    const e = line({ clientId: 'c2', at: T + 1 * MIN }); // another client
    // In queue order (most urgent first): the incident's lead is its most urgent alert.
    const incidents = groupIncidents([b, e, c, a, d]);
    expect(incidents.map((i) => i.members.map((m) => m.alert.id))).toEqual([
      [b.alert.id, c.alert.id, a.alert.id],
      [e.alert.id],
      [d.alert.id],
    ]);
    // Its key is its first alert: it stays put while more alerts join.
    expect(incidents[0]!.key).toBe(a.alert.id);
  });
});
