import { describe, expect, it } from 'vitest';
import type { Schedule, Zone } from '../../../../shared/central/records';
import { distanceM, offsetM } from '../../../../shared/geo/distance';
import { containsPoint, placeInZone, signedDistanceM } from '../../../../shared/zones/geometry';
import { scheduleInForce } from '../../../../shared/zones/schedule';

const home = { lat: 56.9496, lon: 24.1052 }; // Rīga, old town

describe('distance', () => {
  it('measures one degree of latitude along a meridian as 111.195 km', () => {
    expect(distanceM({ lat: 56, lon: 24 }, { lat: 57, lon: 24 }) / 1000).toBeCloseTo(111.195, 3);
  });

  it('offsets a point by the distance asked', () => {
    expect(distanceM(home, offsetM(home, 73, 250))).toBeCloseTo(250, 1);
  });
});

describe('zone geometry', () => {
  const circle: Pick<Zone, 'kind' | 'geometry' | 'bufferM'> = {
    kind: 'inclusion',
    geometry: { type: 'Circle', center: [home.lon, home.lat], radiusM: 100 },
    bufferM: 20,
  };

  it('places points inside, in the inner buffer, and outside an inclusion zone', () => {
    expect(placeInZone(circle, offsetM(home, 0, 50))).toBe('inside');
    expect(placeInZone(circle, offsetM(home, 0, 90))).toBe('buffer');
    expect(placeInZone(circle, offsetM(home, 0, 130))).toBe('outside');
  });

  it('puts the buffer outside an exclusion zone', () => {
    const exclusion = { ...circle, kind: 'exclusion' as const };
    expect(placeInZone(exclusion, offsetM(home, 90, 90))).toBe('inside');
    expect(placeInZone(exclusion, offsetM(home, 90, 110))).toBe('buffer');
    expect(placeInZone(exclusion, offsetM(home, 90, 130))).toBe('outside');
  });

  it('measures signed distance to a polygon edge', () => {
    const corners = [0, 90, 180, 270].map((bearing) => offsetM(home, bearing + 45, 141.42));
    const ring = [...corners, corners[0]!].map((p) => [p.lon, p.lat] as [number, number]);
    const square = { type: 'Polygon' as const, coordinates: [ring] };
    expect(signedDistanceM(square, home)).toBeCloseTo(-100, -1);
    expect(signedDistanceM(square, offsetM(home, 0, 150))).toBeCloseTo(50, -1);
  });

  it('says inside or outside as the signed distance does, holes and circles alike', () => {
    const square = (m: number) => {
      const corners = [0, 90, 180, 270].map((b) => offsetM(home, b + 45, m * Math.SQRT2));
      return [...corners, corners[0]!].map((p) => [p.lon, p.lat] as [number, number]);
    };
    const framed = { type: 'Polygon' as const, coordinates: [square(100), square(30)] };
    const shapes = [framed, circle.geometry];
    for (const shape of shapes)
      for (let bearing = 0; bearing < 360; bearing += 17)
        for (const metres of [0, 10, 29, 31, 50, 95, 99, 101, 105, 150]) {
          const point = offsetM(home, bearing, metres);
          expect(containsPoint(shape, point)).toBe(signedDistanceM(shape, point) <= 0);
        }
    expect(containsPoint(framed, home)).toBe(false); // in the hole
    expect(containsPoint(framed, offsetM(home, 0, 60))).toBe(true);
  });
});

describe('schedule', () => {
  const curfew: Schedule = {
    timezone: 'Europe/Riga',
    rules: [{ days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' }],
    exceptions: [],
  };
  // Riga is UTC+2 in winter: 20:00Z is 22:00 local.
  it.each([
    ['Monday 22:30 local', '2026-11-23T20:30:00.000Z', true],
    ['Monday 21:59 local', '2026-11-23T19:59:00.000Z', false],
    ['Tuesday 05:59 local (Monday’s rule)', '2026-11-24T03:59:00.000Z', true],
    ['Tuesday 06:00 local', '2026-11-24T04:00:00.000Z', false],
    ['Saturday 05:00 local (Friday’s rule)', '2026-11-28T03:00:00.000Z', true],
    ['Saturday 23:00 local (no rule)', '2026-11-28T21:00:00.000Z', false],
    ['Monday 05:00 local (Sunday has no rule)', '2026-11-23T03:00:00.000Z', false],
  ])('%s → %s', (_what, at, expected) => {
    expect(scheduleInForce(curfew, new Date(at))).toBe(expected);
  });

  it('follows daylight saving: 22:00 local is 19:00Z in summer', () => {
    expect(scheduleInForce(curfew, new Date('2026-07-06T19:00:00.000Z'))).toBe(true);
    expect(scheduleInForce(curfew, new Date('2026-07-06T18:59:00.000Z'))).toBe(false);
  });

  it('lets an exception decide: authorised absence and extra curfew', () => {
    const withExceptions: Schedule = {
      ...curfew,
      exceptions: [
        {
          from: '2026-11-23T20:00:00.000Z',
          to: '2026-11-23T23:00:00.000Z',
          active: false,
          reason: 'hospital',
        },
        {
          from: '2026-11-28T10:00:00.000Z',
          to: '2026-11-28T12:00:00.000Z',
          active: true,
          reason: 'court order',
        },
      ],
    };
    expect(scheduleInForce(withExceptions, new Date('2026-11-23T21:00:00.000Z'))).toBe(false);
    expect(scheduleInForce(withExceptions, new Date('2026-11-28T11:00:00.000Z'))).toBe(true);
  });

  it('is always in force without a schedule', () => {
    expect(scheduleInForce(null, new Date())).toBe(true);
  });
});
