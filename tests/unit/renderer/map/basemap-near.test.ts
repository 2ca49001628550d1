import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  basemapNear,
  boxBasemap,
  NEAR_DEGREES,
} from '../../../../renderer/src/features/map/basemap-near';

// The atlas the page bundles, read as the page reads it.
const topology = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology;
const countries = topology.objects.countries as GeometryCollection;
const land = feature(topology, countries) as FeatureCollection;
const borders = mesh(topology, countries, (a, b) => a !== b);
const boxed = boxBasemap(land, borders);

const points = (polygons: number[][][][]) =>
  polygons.reduce((sum, polygon) => sum + polygon.reduce((n, ring) => n + ring.length, 0), 0);
const polygonsOf = (cut: FeatureCollection) =>
  (cut.features[0]!.geometry as { coordinates: number[][][][] }).coordinates;
const inside = (polygon: number[][][], lat: number, lon: number): boolean => {
  // Even-odd rule on the outer ring.
  let yes = false;
  const ring = polygon[0]!;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!)
      yes = !yes;
  }
  return yes;
};

describe("a small map's offline basemap", () => {
  it('holds the land and borders around its centre, a fraction of the world', () => {
    const riga = { lat: 56.95, lon: 24.11 };
    const cut = basemapNear(boxed, riga.lat, riga.lon);
    const kept = polygonsOf(cut.land);
    const all = boxed.land.map((p) => p.polygon);
    // Rīga stands on land that is kept; so do Tallinn's and Vilnius's (within the reach).
    for (const place of [riga, { lat: 59.44, lon: 24.75 }, { lat: 54.69, lon: 25.28 }])
      expect(kept.some((polygon) => inside(polygon, place.lat, place.lon))).toBe(true);
    expect(all.some((polygon) => inside(polygon, riga.lat, riga.lon))).toBe(true);
    // Sydney's is not.
    expect(kept.some((polygon) => inside(polygon, -33.87, 151.21))).toBe(false);
    expect(points(kept)).toBeLessThan(points(all) / 10);
    // Every border line that passes within the reach is kept, and none far away.
    const near = (line: number[][]) =>
      line.some(
        ([lon, lat]) =>
          Math.abs(lat! - riga.lat) <= NEAR_DEGREES && Math.abs(lon! - riga.lon) <= NEAR_DEGREES,
      );
    const expected = (borders as MultiLineString).coordinates.filter(near);
    expect(expected.length).toBeGreaterThan(0);
    for (const line of expected) expect(cut.borders.coordinates).toContain(line);
    expect(cut.borders.coordinates.length).toBeLessThan(borders.coordinates.length / 5);
  });
});
