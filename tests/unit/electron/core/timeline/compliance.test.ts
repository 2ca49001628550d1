import { describe, expect, it } from 'vitest';
import { compliance } from '../../../../../electron/core/timeline/compliance';
import type { Alert, AlertAction, ZoneVersion } from '../../../../../shared/central/records';
import { defaultAlertSla } from '../../../../../shared/domain/alerts';
import type { Timeline } from '../../../../../shared/domain/timeline';
import { offsetM } from '../../../../../shared/geo/distance';

const home = { lat: 56.9496, lon: 24.1052 };
const Z = (iso: string) => Date.parse(iso);
const from = '2026-03-28T20:30:00.000Z';
const to = '2026-03-29T08:00:00.000Z';

const zone: ZoneVersion = {
  id: 'Z-HOME',
  version: 1,
  clientId: 'CL-1',
  appliesTo: [],
  kind: 'inclusion',
  name: 'Home',
  geometry: { type: 'Circle', center: [home.lon, home.lat], radiusM: 200 },
  bufferM: 20,
  schedule: {
    timezone: 'Europe/Riga',
    rules: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }],
    exceptions: [],
  },
  updatedAt: '2026-03-01T00:00:00.000Z',
  validFrom: '2026-03-01T00:00:00.000Z',
  validTo: null,
};

/** At home all night but for an hour 300 m away (23:00–00:00 UTC); a fix every minute. */
function track(): Timeline['track'] {
  const t = {
    at: [] as number[],
    lat: [] as number[],
    lon: [] as number[],
    accuracyM: [] as number[],
  };
  for (let at = Z(from); at < Z(to); at += 60_000) {
    const away = at >= Z('2026-03-28T23:00:00Z') && at < Z('2026-03-29T00:00:00Z');
    const p = away ? offsetM(home, 90, 300) : offsetM(home, 90, 20);
    t.at.push(at);
    t.lat.push(p.lat);
    t.lon.push(p.lon);
    t.accuracyM.push(10);
  }
  return {
    at: Float64Array.from(t.at),
    lat: Float64Array.from(t.lat),
    lon: Float64Array.from(t.lon),
    accuracyM: Float32Array.from(t.accuracyM),
    source: new Uint8Array(t.at.length),
  };
}

const alert = (id: string, type: Alert['type'], raisedAt: string): Alert => ({
  id,
  version: 1,
  clientId: 'CL-1',
  deviceId: null,
  zoneId: null,
  type,
  severity: 'high',
  raisedAt,
  clearedAt: null,
  state: 'resolved',
  claimedBy: 'referent1',
  acknowledgedAt: null,
  resolvedAt: new Date(Z(raisedAt) + 6 * 60_000).toISOString(),
  resolution: { code: 'client_contacted', note: '' },
  position: null,
  updatedAt: raisedAt,
});

describe('the compliance report', () => {
  it('counts curfew hours, hours in breach, violations and the centre’s response', () => {
    const actions: AlertAction[] = [
      {
        id: 'AA-1',
        alertId: 'AL-1',
        operatorId: 'referent1',
        at: '2026-03-28T23:01:45.000Z',
        kind: 'claim',
        payload: {},
      },
    ];
    const timeline: Timeline = {
      client: { id: 'CL-1', displayName: 'A', caseNumber: 'VPD-1' },
      from,
      to,
      track: track(),
      events: [],
      zones: [zone],
      alerts: [
        alert('AL-1', 'inclusion_exit', '2026-03-28T23:01:00.000Z'),
        alert('AL-2', 'strap_tamper', '2026-03-29T02:00:00.000Z'),
      ],
      actions,
      source: { cacheFrom: from, fetched: false, zoneHistory: 'cache' },
    };
    const c = compliance(timeline, defaultAlertSla);
    // Curfew from the window's start (22:30 EET) to 06:00 EEST (03:00 UTC): 6.5 h.
    expect(c.curfewHours).toBeCloseTo(6.5, 5);
    expect(c.breachHours).toBeCloseTo(1, 5);
    expect(c.unknownHours).toBeCloseTo(0, 5);
    expect(c.zones.map((z) => [z.id, z.inForceHours.toFixed(3), z.breachHours.toFixed(3)])).toEqual(
      [['Z-HOME', '6.500', '1.000']],
    );
    expect(c.violations).toEqual([{ type: 'inclusion_exit', count: 1 }]);
    expect([c.tamperEvents, c.batteryEvents]).toEqual([1, 0]);
    // The tamper alert has no claim on record: past its target, it counts as a late claim.
    expect(c.claim).toMatchObject({ count: 2, met: 1 });
    expect(c.resolve).toMatchObject({ count: 2, medianS: 360 });
  });

  it('does not count a silence as compliance: past 15 minutes it is time without a fix', () => {
    const t = track();
    const keep = Array.from(
      t.at,
      (at) => at < Z('2026-03-29T01:00:00Z') || at >= Z('2026-03-29T03:00:00Z'),
    );
    const cut = (list: Float64Array) => list.filter((_, i) => keep[i]);
    const timeline: Timeline = {
      client: { id: 'CL-1', displayName: 'A', caseNumber: 'VPD-1' },
      from,
      to,
      track: {
        at: cut(t.at),
        lat: cut(t.lat),
        lon: cut(t.lon),
        accuracyM: t.accuracyM.filter((_, i) => keep[i]),
        source: t.source.filter((_, i) => keep[i]),
      },
      events: [],
      zones: [zone],
      alerts: [],
      actions: [],
      source: { cacheFrom: from, fetched: false, zoneHistory: 'cache' },
    };
    // No fix from 00:59 to 03:00: the 00:59 fix covers 15 minutes, 1 h 46 min are unknown.
    expect(compliance(timeline, defaultAlertSla).unknownHours).toBeCloseTo(106 / 60, 5);
  });
});
