import { describe, expect, it } from 'vitest';
import type { Zone } from '../../../shared/central/records';
import { bearingDeg, offsetM, type LatLon } from '../../../shared/geo/distance';
import { approachWarnings, type CourseFix } from '../../../shared/zones/approach';

const victimHome: LatLon = { lat: 56.9496, lon: 24.1052 };
const zone: Zone = {
  id: 'ZV-1',
  version: 1,
  clientId: 'CL-1',
  appliesTo: [],
  kind: 'exclusion',
  name: 'Victim’s street',
  geometry: { type: 'Circle', center: [victimHome.lon, victimHome.lat], radiusM: 500 },
  bufferM: 200,
  schedule: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const T0 = Date.parse('2026-11-30T20:00:00.000Z');

/** A deterministic GPS jitter of up to `m` metres, as a tag reports it. */
function jitter(seed: number) {
  let state = seed;
  return (point: LatLon, m: number): LatLon => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const bearing = (state / 2 ** 31) * 360;
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return offsetM(point, bearing, (state / 2 ** 31) * m);
  };
}

/** A fix a minute for `minutes`, walking from `start` on `bearing` at `kmh`, with jitter. */
function walk(start: LatLon, bearing: number, kmh: number, minutes: number, seed = 1): CourseFix[] {
  const noisy = jitter(seed);
  return Array.from({ length: minutes + 1 }, (_, i) => ({
    ...noisy(offsetM(start, bearing, (kmh / 3.6) * 60 * i), 12),
    at: T0 + i * 60_000,
  }));
}

const now = (fixes: CourseFix[]) => fixes.at(-1)!.at + 20_000;

describe('approach warning', () => {
  it('flags a client walking straight at the zone, with the time to entry, before the buffer', () => {
    const start = offsetM(victimHome, 250, 2_000);
    const fixes = walk(start, bearingDeg(start, victimHome), 5, 8);
    const [warning, ...rest] = approachWarnings(fixes, [zone], now(fixes));
    expect(rest).toEqual([]);
    // 2,000 m out, 667 m walked: about 833 m to the zone's edge at 1.39 m/s, some 600 s.
    expect(warning).toMatchObject({ zoneId: 'ZV-1', zoneName: 'Victim’s street' });
    expect(warning!.etaS).toBeGreaterThan(500);
    expect(warning!.etaS).toBeLessThan(700);
    expect(warning!.speedKmh).toBeGreaterThan(4);
  });

  it('flags one driving at it, minutes ahead', () => {
    const start = offsetM(victimHome, 90, 8_000);
    const fixes = walk(start, bearingDeg(start, victimHome), 40, 5, 7);
    const [warning] = approachWarnings(fixes, [zone], now(fixes));
    // 8 km out, 3.3 km driven: 4.2 km to the edge at 11.1 m/s, some 380 s.
    expect(warning!.etaS).toBeGreaterThan(330);
    expect(warning!.etaS).toBeLessThan(430);
  });

  it('stays quiet for a client passing by outside the buffer', () => {
    // A street 900 m from the victim's home, walked past from one end to the other.
    const start = offsetM(offsetM(victimHome, 0, 900), 270, 1_000);
    const fixes = walk(start, 90, 5, 10, 3);
    expect(approachWarnings(fixes, [zone], now(fixes))).toEqual([]);
  });

  it('stays quiet for one moving away, wandering about, or at home', () => {
    const away = walk(offsetM(victimHome, 0, 1_500), 0, 5, 8, 4);
    expect(approachWarnings(away, [zone], now(away))).toEqual([]);
    const noisy = jitter(5);
    const around = offsetM(victimHome, 200, 1_500);
    const wandering = Array.from({ length: 10 }, (_, i) => ({
      ...noisy(around, 150),
      at: T0 + i * 60_000,
    }));
    expect(approachWarnings(wandering, [zone], now(wandering))).toEqual([]);
    const home = walk(offsetM(victimHome, 180, 3_000), 0, 0, 10, 6);
    expect(approachWarnings(home, [zone], now(home))).toEqual([]);
  });

  it('leaves a client already in the buffer to the buffer alert, and an old course unjudged', () => {
    const start = offsetM(victimHome, 10, 1_300);
    const close = walk(start, bearingDeg(start, victimHome), 5, 8, 8);
    expect(approachWarnings(close, [zone], now(close))).toEqual([]);
    const far = offsetM(victimHome, 250, 2_000);
    const fixes = walk(far, bearingDeg(far, victimHome), 5, 8);
    expect(approachWarnings(fixes, [zone], fixes.at(-1)!.at + 6 * 60_000)).toEqual([]);
  });

  it('does not warn of a zone that will not be in force when the course reaches it', () => {
    const school: Zone = {
      ...zone,
      id: 'ZS-1',
      clientId: null,
      appliesTo: ['CL-1'],
      schedule: {
        timezone: 'Europe/Riga',
        rules: [{ days: [1, 2, 3, 4, 5], start: '07:30', end: '17:00' }],
        exceptions: [],
      },
    };
    const start = offsetM(victimHome, 250, 2_000);
    const fixes = walk(start, bearingDeg(start, victimHome), 5, 8); // Monday, 22:00 in Rīga
    expect(approachWarnings(fixes, [school], now(fixes))).toEqual([]);
    const inclusion: Zone = { ...zone, kind: 'inclusion' };
    expect(approachWarnings(fixes, [inclusion], now(fixes))).toEqual([]);
  });
});
