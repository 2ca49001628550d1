import { z } from 'zod';
import type { Zone } from '../central/records';
import { bearingDeg, distanceM, offsetM, type LatLon } from '../geo/distance';
import { containsPoint, placeInZone } from './geometry';
import { scheduleInForce } from './schedule';

/**
 * Approach warning: a client heading for an exclusion zone, flagged with an estimated time to
 * entry before the buffer is reached. From the fixes of the last minutes: the speed and heading of
 * the whole stretch, kept only when the client moves steadily in one direction (a person
 * wandering about or standing still is not approaching anything); that course is carried forward
 * and its first point inside the zone, if any within the horizon and while the zone is in force
 * then, is the estimated entry. A client passing by never reaches the zone on that course.
 */
export const APPROACH = {
  /** The stretch judged: fixes up to this long before the newest. */
  windowMs: 10 * 60_000,
  /** At least this many fixes over at least this long. */
  minFixes: 3,
  minSpanMs: 2 * 60_000,
  /** The newest fix no older than this (an old course says nothing about now). */
  freshMs: 5 * 60_000,
  /** Slower than this is not going anywhere (a walk is 4–5 km/h). */
  minSpeedKmh: 2,
  /** Straight line over path walked: below this the client is wandering. */
  minStraightness: 0.7,
  /** The two halves of the stretch may turn by at most this much. */
  maxTurnDeg: 45,
  /** How far ahead the course is carried, and in what steps. */
  horizonMs: 20 * 60_000,
  stepMs: 10_000,
} as const;

export const approachSchema = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  /** Seconds from the newest fix to the estimated entry. */
  etaS: z.number(),
  speedKmh: z.number(),
  /** Where the course enters the zone (drawn on the map). */
  entry: z.object({ lat: z.number(), lon: z.number() }),
});
export type Approach = z.infer<typeof approachSchema>;

export interface CourseFix extends LatLon {
  /** Milliseconds. */
  at: number;
}

const turn = (a: number, b: number): number => {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
};

/** The steady course of the last fixes (oldest first), or null when there is none. */
export function steadyCourse(
  fixes: readonly CourseFix[],
  nowMs: number,
): { from: CourseFix; headingDeg: number; speedMps: number } | null {
  const last = fixes.at(-1);
  if (!last || nowMs - last.at > APPROACH.freshMs) return null;
  const recent = fixes.filter((fix) => fix.at >= last.at - APPROACH.windowMs);
  const first = recent[0]!;
  if (recent.length < APPROACH.minFixes || last.at - first.at < APPROACH.minSpanMs) return null;
  const straight = distanceM(first, last);
  const speedMps = straight / ((last.at - first.at) / 1000);
  if (speedMps * 3.6 < APPROACH.minSpeedKmh) return null;
  let walked = 0;
  for (let i = 1; i < recent.length; i += 1) walked += distanceM(recent[i - 1]!, recent[i]!);
  if (straight / walked < APPROACH.minStraightness) return null;
  const middle = recent[Math.floor(recent.length / 2)]!;
  if (turn(bearingDeg(first, middle), bearingDeg(middle, last)) > APPROACH.maxTurnDeg) return null;
  return { from: last, headingDeg: bearingDeg(first, last), speedMps };
}

/** The exclusion zones the client's course enters within the horizon, soonest first. */
export function approachWarnings(
  fixes: readonly CourseFix[],
  zones: readonly Zone[],
  nowMs: number,
): Approach[] {
  const course = steadyCourse(fixes, nowMs);
  if (!course) return [];
  const warnings: Approach[] = [];
  for (const zone of zones) {
    // Already in the buffer or inside: the service's buffer and entry alerts say so.
    if (zone.kind !== 'exclusion' || placeInZone(zone, course.from) !== 'outside') continue;
    for (let t = APPROACH.stepMs; t <= APPROACH.horizonMs; t += APPROACH.stepMs) {
      const point = offsetM(course.from, course.headingDeg, (course.speedMps * t) / 1000);
      if (!containsPoint(zone.geometry, point)) continue;
      if (zone.schedule && !scheduleInForce(zone.schedule, new Date(course.from.at + t))) break;
      warnings.push({
        zoneId: zone.id,
        zoneName: zone.name,
        etaS: t / 1000,
        speedKmh: Math.round(course.speedMps * 3.6 * 10) / 10,
        entry: point,
      });
      break;
    }
  }
  return warnings.sort((a, b) => a.etaS - b.etaS);
}
