import type { ZoneVersion } from '../../../shared/central/records';
import type { AlertSla } from '../../../shared/domain/alerts';
import type { SlaTimes } from '../../../shared/domain/shifts';
import type { Timeline } from '../../../shared/domain/timeline';
import { GAP_MS } from '../../../shared/timeline/merge';
import { scheduleEdges } from '../../../shared/timeline/schedule-edges';
import { signedDistanceM } from '../../../shared/zones/geometry';
import { scheduleInForce } from '../../../shared/zones/schedule';
import { slaFigures, slaRows } from '../shifts/shift-report';

const HOUR = 3_600_000;
const ZONE_TYPES = new Set([
  'exclusion_entry',
  'inclusion_exit',
  'curfew_violation',
  'buffer_entry',
  'victim_proximity',
]);
const TAMPER_TYPES = new Set(['strap_tamper', 'case_tamper', 'base_station_tamper']);
const BATTERY_TYPES = new Set(['battery_low', 'battery_critical']);

export interface ZoneCompliance {
  id: string;
  name: string;
  kind: 'inclusion' | 'exclusion';
  inForceHours: number;
  breachHours: number;
}

export interface Compliance {
  /** Hours any curfew (an inclusion zone with a schedule) was in force. */
  curfewHours: number;
  /** Hours the fixes put the client outside an inclusion zone or inside an exclusion zone in force. */
  breachHours: number;
  /** Hours with no fix to judge by (gaps in reporting, before the first fix). */
  unknownHours: number;
  zones: ZoneCompliance[];
  violations: { type: string; count: number }[];
  tamperEvents: number;
  batteryEvents: number;
  claim: SlaTimes;
  resolve: SlaTimes;
}

type Interval = [number, number];

/** When a zone version was in force within [fromMs, toMs): its validity cut by its schedule. */
function inForce(zone: ZoneVersion, fromMs: number, toMs: number): Interval[] {
  const start = Math.max(fromMs, Date.parse(zone.validFrom));
  const end = Math.min(toMs, zone.validTo ? Date.parse(zone.validTo) : toMs);
  if (end <= start) return [];
  const out: Interval[] = [];
  let open = scheduleInForce(zone.schedule, new Date(start)) ? start : null;
  for (const edge of scheduleEdges(zone.schedule, start, end)) {
    if (edge.inForce && open === null) open = edge.at;
    if (!edge.inForce && open !== null) {
      out.push([open, edge.at]);
      open = null;
    }
  }
  if (open !== null) out.push([open, end]);
  return out;
}

const hours = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, [a, b]) => sum + (b - a), 0) / HOUR;

/** The union of intervals, merged where they touch. */
function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const within = (intervals: readonly Interval[], t: number) =>
  intervals.some(([a, b]) => a <= t && t < b);

/**
 * A client's compliance over a window, for the case manager: curfew hours and hours in breach
 * (each stretch after a fix judged by that fix, up to 15 minutes: a longer silence is unknown,
 * not compliance), alerts about zones, tamper and battery, and the centre's claim and resolve
 * times against the targets.
 */
export function compliance(t: Timeline, sla: AlertSla): Compliance {
  const fromMs = Date.parse(t.from);
  const toMs = Date.parse(t.to);
  const zones = t.zones.map((zone) => ({ zone, force: inForce(zone, fromMs, toMs) }));
  const perZone = new Map<string, ZoneCompliance>();
  for (const { zone, force } of zones) {
    const entry = perZone.get(zone.id) ?? {
      id: zone.id,
      name: zone.name,
      kind: zone.kind,
      inForceHours: 0,
      breachHours: 0,
    };
    entry.inForceHours += hours(force);
    perZone.set(zone.id, entry);
  }
  const breaches: Interval[] = [];
  let known = 0;
  const { at, lat, lon } = t.track;
  for (let i = 0; i < at.length; i += 1) {
    const start = at[i]!;
    const end = Math.min(at[i + 1] ?? toMs, start + GAP_MS, toMs);
    if (end <= start) continue;
    known += end - start;
    for (const { zone, force } of zones) {
      if (!within(force, start)) continue;
      const inside = signedDistanceM(zone.geometry, { lat: lat[i]!, lon: lon[i]! }) <= 0;
      if (inside === (zone.kind === 'inclusion')) continue;
      breaches.push([start, end]);
      perZone.get(zone.id)!.breachHours += (end - start) / HOUR;
    }
  }
  const curfews = zones.filter(({ zone }) => zone.kind === 'inclusion' && zone.schedule);
  const inWindow = t.alerts.filter((a) => Date.parse(a.raisedAt) >= fromMs);
  const count = (types: Set<string>) => inWindow.filter((a) => types.has(a.type)).length;
  const violations = new Map<string, number>();
  for (const alert of inWindow)
    if (ZONE_TYPES.has(alert.type))
      violations.set(alert.type, (violations.get(alert.type) ?? 0) + 1);
  const rows = slaRows(inWindow, t.actions, sla, toMs, new Map());
  return {
    curfewHours: hours(union(curfews.flatMap(({ force }) => force))),
    breachHours: hours(union(breaches)),
    unknownHours: (toMs - fromMs - known) / HOUR,
    zones: [...perZone.values()],
    violations: [...violations].map(([type, n]) => ({ type, count: n })),
    tamperEvents: count(TAMPER_TYPES),
    batteryEvents: count(BATTERY_TYPES),
    ...slaFigures(rows),
  };
}
