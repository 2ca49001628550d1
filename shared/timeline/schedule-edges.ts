import type { Schedule } from '../central/records';
import { scheduleInForce, zoneFormatter } from '../zones/schedule';

const FULL_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/** The time zone's offset from UTC at an instant, in milliseconds (Riga: +2 h winter, +3 h summer). */
export function zoneOffsetMs(atMs: number, timezone: string): number {
  const formatter = zoneFormatter(timezone, FULL_TIME);
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(atMs)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. A time the clocks skip (03:30 on the spring night in
 * Riga) comes out an hour later, as a person's watch would show it; a repeated one (03:30 on the
 * autumn night) is its first occurrence.
 */
export function localToUtc(
  day: { y: number; m: number; d: number },
  minutes: number,
  timezone: string,
): number {
  const naive = Date.UTC(day.y, day.m - 1, day.d, 0, minutes);
  // The offsets half a day either side: equal on most days, different across a clock change.
  const before = naive - zoneOffsetMs(naive - 43_200_000, timezone);
  const after = naive - zoneOffsetMs(naive + 43_200_000, timezone);
  const shows = (at: number) => at + zoneOffsetMs(at, timezone) === naive;
  const valid = [before, after].filter(shows);
  // Repeated: the first occurrence. Skipped: with the offset before the change (an hour later).
  return valid.length > 0 ? Math.min(...valid) : before;
}

const toMinutes = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface ScheduleEdge {
  at: number;
  inForce: boolean;
  /** The exception that caused the change (an authorised absence, an extra curfew), if any. */
  reason: string | null;
}

/**
 * Every moment in [fromMs, toMs) at which the schedule comes into or out of force. Candidates are
 * the rules' local starts and ends on each local day (converted with that day's offset, so a
 * curfew 22:00–06:00 stays 22:00–06:00 local across the clock change) and the exceptions' bounds;
 * each is kept only where `scheduleInForce` actually changes, the one authority on being in force.
 */
export function scheduleEdges(
  schedule: Schedule | null,
  fromMs: number,
  toMs: number,
): ScheduleEdge[] {
  if (schedule === null || toMs <= fromMs) return [];
  const candidates = new Set<number>();
  const { timezone } = schedule;
  const local = new Date(fromMs + zoneOffsetMs(fromMs, timezone));
  // From the day before (a rule that crosses midnight) to the day after the window.
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 86_400_000;
  for (; day <= toMs + 2 * 86_400_000; day += 86_400_000) {
    const date = new Date(day);
    const ymd = { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    for (const rule of schedule.rules) {
      if (!rule.days.includes(weekday)) continue;
      const start = toMinutes(rule.start);
      const end = toMinutes(rule.end);
      candidates.add(localToUtc(ymd, start, timezone));
      candidates.add(localToUtc(ymd, end <= start ? end + 1440 : end, timezone));
    }
  }
  for (const exception of schedule.exceptions) {
    candidates.add(Date.parse(exception.from));
    candidates.add(Date.parse(exception.to));
  }
  const edges: ScheduleEdge[] = [];
  let inForce = scheduleInForce(schedule, new Date(fromMs));
  for (const at of [...candidates].filter((t) => t > fromMs && t < toMs).sort((a, b) => a - b)) {
    const now = scheduleInForce(schedule, new Date(at));
    if (now === inForce) continue;
    inForce = now;
    const exception = schedule.exceptions.find(
      (e) => Date.parse(e.from) === at || Date.parse(e.to) === at,
    );
    edges.push({ at, inForce, reason: exception?.reason ?? null });
  }
  return edges;
}
