import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../../../shared/central/records';
import { offsetM } from '../../../../shared/geo/distance';
import { describeProblem, zoneProblems, type ZoneShape } from '../../../../shared/zones/validate';

const centre = { lat: 56.95, lon: 24.1 };
/** A square `sideM` metres across, its corners as [lon, lat], closed. */
function square(sideM: number): ZoneGeometry {
  const half = sideM / 2;
  const corner = (north: number, east: number) => {
    const p = offsetM(offsetM(centre, 0, north), 90, east);
    return [p.lon, p.lat] as [number, number];
  };
  const ring = [corner(half, -half), corner(half, half), corner(-half, half), corner(-half, -half)];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}
const polygon = (...corners: [number, number][]): ZoneGeometry => ({
  type: 'Polygon',
  coordinates: [[...corners, corners[0]!]],
});
const zone = (overrides: Partial<ZoneShape> = {}): ZoneShape => ({
  name: 'School',
  clientId: 'C-1',
  appliesTo: [],
  geometry: { type: 'Circle', center: [centre.lon, centre.lat], radiusM: 200 },
  bufferM: 50,
  schedule: null,
  ...overrides,
});
const codes = (shape: ZoneShape) => zoneProblems(shape).map((p) => `${p.field}:${p.code}`);

describe('zone checks before anything is sent', () => {
  it('accepts a sound circle and a sound polygon', () => {
    expect(zoneProblems(zone())).toEqual([]);
    expect(zoneProblems(zone({ geometry: square(400), bufferM: 150 }))).toEqual([]);
  });

  it('refuses a radius under 50 m with the figures', () => {
    const problems = zoneProblems(
      zone({ geometry: { type: 'Circle', center: [24.1, 56.95], radiusM: 49.6 }, bufferM: 10 }),
    );
    expect(problems).toEqual([
      { field: 'geometry.radiusM', code: 'radius_small', values: { radiusM: 50, minM: 50 } },
    ]);
    expect(describeProblem(problems[0]!)).toBe('radius 50 m is under the 50 m minimum');
    expect(
      codes(
        zone({ geometry: { type: 'Circle', center: [24.1, 56.95], radiusM: 50 }, bufferM: 10 }),
      ),
    ).toEqual([]);
  });

  it('refuses a buffer as wide as the zone: a circle by its radius, a polygon by its half width', () => {
    expect(codes(zone({ bufferM: 200 }))).toEqual(['bufferM:buffer_wide']);
    expect(codes(zone({ bufferM: 199 }))).toEqual([]);
    // A 400 m square is 200 m from edge to middle.
    const [problem] = zoneProblems(zone({ geometry: square(400), bufferM: 201 }));
    expect(problem).toMatchObject({ code: 'buffer_wide', values: { bufferM: 201 } });
    expect(problem!.values.halfWidthM).toBeGreaterThanOrEqual(199);
    expect(problem!.values.halfWidthM).toBeLessThanOrEqual(201);
    expect(codes(zone({ geometry: square(400), bufferM: 190 }))).toEqual([]);
  });

  it('refuses a self-intersecting polygon (a bow tie), a folded spike and one without area', () => {
    const bowTie = polygon([24.1, 56.95], [24.11, 56.96], [24.11, 56.95], [24.1, 56.96]);
    expect(codes(zone({ geometry: bowTie, bufferM: 0 }))).toEqual([
      'geometry.coordinates.0:self_intersection',
    ]);
    // A corner that runs out and back along the same line.
    const spike = polygon(
      [24.1, 56.95],
      [24.11, 56.95],
      [24.11, 56.96],
      [24.105, 56.96],
      [24.12, 56.96],
    );
    expect(codes(zone({ geometry: spike, bufferM: 0 }))).toEqual([
      'geometry.coordinates.0:self_intersection',
    ]);
    const line = polygon([24.1, 56.95], [24.11, 56.96], [24.12, 56.97]);
    expect(codes(zone({ geometry: line, bufferM: 0 }))).toEqual(['geometry.coordinates.0:no_area']);
    const twoCorners = polygon([24.1, 56.95], [24.11, 56.96], [24.1, 56.95]);
    expect(codes(zone({ geometry: twoCorners, bufferM: 0 }))).toEqual([
      'geometry.coordinates.0:too_few_points',
    ]);
    const open: ZoneGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [24.1, 56.95],
          [24.11, 56.95],
          [24.11, 56.96],
          [24.1, 56.96],
        ],
      ],
    };
    expect(codes(zone({ geometry: open, bufferM: 0 }))).toEqual([
      'geometry.coordinates.0:ring_open',
    ]);
    // A convex and a concave (L-shaped) polygon pass.
    const ell = polygon(
      [24.1, 56.95],
      [24.12, 56.95],
      [24.12, 56.955],
      [24.105, 56.955],
      [24.105, 56.96],
      [24.1, 56.96],
    );
    expect(codes(zone({ geometry: ell, bufferM: 0 }))).toEqual([]);
  });

  it('refuses a nameless zone, a shared zone for nobody, and a schedule that makes no sense', () => {
    expect(codes(zone({ name: '  ' }))).toEqual(['name:name_empty']);
    expect(codes(zone({ clientId: null, appliesTo: [] }))).toEqual(['appliesTo:no_clients']);
    expect(codes(zone({ clientId: null, appliesTo: ['C-1', 'C-2'] }))).toEqual([]);
    const schedule = {
      timezone: 'Europe/Riga',
      rules: [
        { days: [1, 2], start: '22:00', end: '06:00' },
        { days: [3], start: '08:00', end: '08:00' },
      ],
      exceptions: [
        {
          from: '2026-12-01T10:00:00Z',
          to: '2026-12-01T09:00:00Z',
          active: false,
          reason: 'Court',
        },
        { from: '2026-12-02T10:00:00Z', to: '2026-12-02T12:00:00Z', active: false, reason: ' ' },
      ],
    };
    expect(codes(zone({ schedule }))).toEqual([
      'schedule.rules.1:rule_empty',
      'schedule.exceptions.0.to:exception_order',
      'schedule.exceptions.1.reason:exception_reason',
    ]);
  });
});
