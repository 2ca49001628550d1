import type { Schedule, ZoneGeometry } from '../central/records';

/** The smallest circle a zone may be: GPS scatter alone reaches tens of metres. */
export const MIN_RADIUS_M = 50;

export type ZoneProblemCode =
  /** The editor's alone: no area drawn yet (a zone sent always has one). */
  | 'geometry_missing'
  | 'name_empty'
  | 'no_clients'
  | 'ring_open'
  | 'too_few_points'
  | 'no_area'
  | 'self_intersection'
  | 'radius_small'
  | 'buffer_wide'
  | 'rule_empty'
  | 'exception_order'
  | 'exception_reason';

/** One reason a zone cannot be sent: the field, a code the page words, and the figures. */
export interface ZoneProblem {
  field: string;
  code: ZoneProblemCode;
  values: Record<string, number>;
}

export interface ZoneShape {
  name: string;
  clientId: string | null;
  appliesTo: readonly string[];
  geometry: ZoneGeometry;
  bufferM: number;
  schedule: Schedule | null;
}

/**
 * Everything wrong with a zone before it goes to the service, checked the same in the editor
 * (shown as the supervisor draws) and in the core (which trusts no page): a polygon that crosses
 * itself or has no area, a circle under MIN_RADIUS_M, a buffer band as wide as the zone itself
 * (nothing would be left of it, or the warning would reach across it), a shared zone for nobody,
 * a rule of no length, an exception that ends before it starts or says no reason.
 */
export function zoneProblems(zone: ZoneShape): ZoneProblem[] {
  const problems: ZoneProblem[] = [];
  const add = (field: string, code: ZoneProblemCode, values: Record<string, number> = {}) =>
    problems.push({ field, code, values });
  if (zone.name.trim() === '') add('name', 'name_empty');
  if (zone.clientId === null && zone.appliesTo.length === 0) add('appliesTo', 'no_clients');

  const geometry = zone.geometry;
  let halfWidthM: number | null = null;
  if (geometry.type === 'Circle') {
    if (geometry.radiusM < MIN_RADIUS_M)
      add('geometry.radiusM', 'radius_small', {
        radiusM: Math.round(geometry.radiusM),
        minM: MIN_RADIUS_M,
      });
    else halfWidthM = geometry.radiusM;
  } else {
    const ringProblems = geometry.coordinates.map((ring, index) =>
      ringProblem(ring, `geometry.coordinates.${index}`),
    );
    for (const problem of ringProblems) if (problem) problems.push(problem);
    if (ringProblems.every((problem) => problem === null))
      halfWidthM = halfWidth(geometry.coordinates[0]!);
  }
  if (halfWidthM !== null && zone.bufferM >= halfWidthM)
    add('bufferM', 'buffer_wide', {
      bufferM: Math.round(zone.bufferM),
      halfWidthM: Math.round(halfWidthM),
    });

  zone.schedule?.rules.forEach((rule, index) => {
    if (rule.start === rule.end) add(`schedule.rules.${index}`, 'rule_empty');
  });
  zone.schedule?.exceptions.forEach((exception, index) => {
    if (Date.parse(exception.from) >= Date.parse(exception.to))
      add(`schedule.exceptions.${index}.to`, 'exception_order');
    if (exception.reason.trim() === '')
      add(`schedule.exceptions.${index}.reason`, 'exception_reason');
  });
  return problems;
}

/** The problems in English, for the core's refusal and for logs. */
export function describeProblem({ code, values }: ZoneProblem): string {
  switch (code) {
    case 'geometry_missing':
      return 'no area drawn';
    case 'name_empty':
      return 'a zone needs a name';
    case 'no_clients':
      return 'a shared zone must apply to at least one client';
    case 'ring_open':
      return 'the polygon is not closed';
    case 'too_few_points':
      return 'a polygon needs at least three distinct corners';
    case 'no_area':
      return 'the polygon encloses no area';
    case 'self_intersection':
      return 'the polygon crosses itself';
    case 'radius_small':
      return `radius ${values.radiusM} m is under the ${values.minM} m minimum`;
    case 'buffer_wide':
      return `buffer ${values.bufferM} m is as wide as the zone (${values.halfWidthM} m from edge to middle)`;
    case 'rule_empty':
      return 'a schedule rule starts and ends at the same time';
    case 'exception_order':
      return 'an exception ends before it starts';
    case 'exception_reason':
      return 'an exception needs a reason';
  }
}

type Ring = readonly (readonly [number, number])[];

function ringProblem(ring: Ring, field: string): ZoneProblem | null {
  const problem = (code: ZoneProblemCode): ZoneProblem => ({ field, code, values: {} });
  const first = ring[0];
  const last = ring.at(-1);
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return problem('ring_open');
  const corners = ring.slice(0, -1);
  if (new Set(corners.map(([lon, lat]) => `${lon},${lat}`)).size < 3)
    return problem('too_few_points');
  const xy = projected(ring);
  if (allOnOneLine(xy)) return problem('no_area');
  if (crossesItself(xy)) return problem('self_intersection');
  if (Math.abs(signedArea(xy)) < 1) return problem('no_area');
  return null;
}

/** The ring in metres on a flat projection around its first corner (zones are a few km across). */
function projected(ring: Ring): [number, number][] {
  const [lon0, lat0] = ring[0]!;
  const mPerDegLat = 111_320;
  const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  return ring.map(([lon, lat]) => [(lon - lon0) * mPerDegLon, (lat - lat0) * mPerDegLat]);
}

function signedArea(xy: readonly [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < xy.length; i += 1)
    twice += xy[i]![0] * xy[i + 1]![1] - xy[i + 1]![0] * xy[i]![1];
  return twice / 2;
}

/** Every corner within a metre of the line through the first corner and the farthest one. */
function allOnOneLine(xy: readonly [number, number][]): boolean {
  const origin = xy[0]!;
  let far = origin;
  for (const p of xy)
    if (
      Math.hypot(p[0] - origin[0], p[1] - origin[1]) >
      Math.hypot(far[0] - origin[0], far[1] - origin[1])
    )
      far = p;
  const length = Math.hypot(far[0] - origin[0], far[1] - origin[1]);
  return length === 0 || xy.every((p) => Math.abs(cross(origin, far, p)) / length < 1);
}

/**
 * How far the middle of the zone is from its edge, as 2·area/perimeter: a circle's radius, a
 * square's half side; a long thin strip gives its half width, which is what a buffer must fit in.
 */
function halfWidth(ring: Ring): number {
  const xy = projected(ring);
  let perimeter = 0;
  for (let i = 0; i + 1 < xy.length; i += 1)
    perimeter += Math.hypot(xy[i + 1]![0] - xy[i]![0], xy[i + 1]![1] - xy[i]![1]);
  return perimeter === 0 ? 0 : (2 * Math.abs(signedArea(xy))) / perimeter;
}

/** Whether two edges that are not neighbours touch or cross (closed ring: last point = first). */
function crossesItself(xy: readonly [number, number][]): boolean {
  const edges = xy.length - 1;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 1; j < edges; j += 1) {
      const neighbours = j === i + 1 || (i === 0 && j === edges - 1);
      if (neighbours) {
        // Neighbours share a corner; they may still fold back along each other.
        if (folds(xy[i]!, xy[i + 1]!, xy[j]!, xy[j + 1]!)) return true;
        continue;
      }
      if (segmentsMeet(xy[i]!, xy[i + 1]!, xy[j]!, xy[j + 1]!)) return true;
    }
  }
  return false;
}

type P = readonly [number, number];
const cross = (o: P, a: P, b: P): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const onSegment = (a: P, b: P, p: P): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

function segmentsMeet(a: P, b: P, c: P, d: P): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return true;
  return (
    (d1 === 0 && onSegment(c, d, a)) ||
    (d2 === 0 && onSegment(c, d, b)) ||
    (d3 === 0 && onSegment(a, b, c)) ||
    (d4 === 0 && onSegment(a, b, d))
  );
}

/** Two edges sharing a corner overlap along a line (a spike folded back on itself). */
function folds(a: P, b: P, c: P, d: P): boolean {
  const shared = b[0] === c[0] && b[1] === c[1] ? b : a[0] === d[0] && a[1] === d[1] ? a : null;
  if (!shared) return false;
  const [p, q] = shared === b ? [a, d] : [b, c];
  const lengths =
    Math.hypot(p[0] - shared[0], p[1] - shared[1]) * Math.hypot(q[0] - shared[0], q[1] - shared[1]);
  if (Math.abs(cross(shared, p, q)) > 1e-9 * lengths) return false;
  // Collinear: folded back when both ends lie on the same side of the shared corner.
  return (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
}
