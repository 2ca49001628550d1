import type { Zone, ZoneGeometry } from '../central/records';
import { distanceM, type LatLon } from '../geo/distance';

/**
 * Signed distance in metres from a point to a zone's edge: negative inside, positive outside.
 * Circles are exact; polygons use a local flat projection, fine for zones a few km across.
 */
export function signedDistanceM(geometry: ZoneGeometry, point: LatLon): number {
  if (geometry.type === 'Circle') {
    const [lon, lat] = geometry.center;
    return distanceM({ lat, lon }, point) - geometry.radiusM;
  }
  const ring = geometry.coordinates[0] ?? [];
  const edge = distanceToRingM(ring, point);
  const inside =
    insideRing(ring, point) &&
    !geometry.coordinates.slice(1).some((hole) => insideRing(hole, point));
  return inside ? -edge : edge;
}

/**
 * Whether a point is inside a zone (on a polygon's very edge it may fall either way): what
 * signedDistanceM(...) <= 0 says, without measuring to every edge, for the 130,000 fixes of a
 * timeline.
 */
export function containsPoint(geometry: ZoneGeometry, point: LatLon): boolean {
  if (geometry.type === 'Circle') {
    const [lon, lat] = geometry.center;
    return distanceM({ lat, lon }, point) <= geometry.radiusM;
  }
  return (
    insideRing(geometry.coordinates[0] ?? [], point) &&
    !geometry.coordinates.slice(1).some((hole) => insideRing(hole, point))
  );
}

export type ZonePlace = 'inside' | 'buffer' | 'outside';

/**
 * Where a point stands against a zone. The buffer band lies outside an exclusion zone (a warning
 * before entry) and inside an inclusion zone (a warning before leaving), as central-api.md says.
 */
export function placeInZone(
  zone: Pick<Zone, 'kind' | 'geometry' | 'bufferM'>,
  point: LatLon,
): ZonePlace {
  const d = signedDistanceM(zone.geometry, point);
  if (zone.kind === 'exclusion')
    return d <= 0 ? 'inside' : d <= zone.bufferM ? 'buffer' : 'outside';
  return d > 0 ? 'outside' : d > -zone.bufferM ? 'buffer' : 'inside';
}

function insideRing(ring: readonly (readonly [number, number])[], { lat, lon }: LatLon): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToRingM(ring: readonly (readonly [number, number])[], point: LatLon): number {
  // Project to metres around the point, then take the nearest segment.
  const mPerDegLat = 111_320;
  const mPerDegLon = 111_320 * Math.cos((point.lat * Math.PI) / 180);
  const xy = ([lon, lat]: readonly [number, number]): [number, number] => [
    (lon - point.lon) * mPerDegLon,
    (lat - point.lat) * mPerDegLat,
  ];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [ax, ay] = xy(ring[i]!);
    const [bx, by] = xy(ring[i + 1]!);
    const dx = bx - ax;
    const dy = by - ay;
    const t =
      dx === 0 && dy === 0
        ? 0
        : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
