import type { Schedule } from '../central/records';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one: one per time zone and options, kept. */
export function zoneFormatter(
  timezone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${timezone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      ...options,
      timeZone: timezone,
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

const WEEKDAY_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
};
const formatterFor = (timezone: string) => zoneFormatter(timezone, WEEKDAY_TIME);

/** Local weekday (1 = Monday) and minutes since local midnight in an IANA time zone. */
export function localTime(at: Date, timezone: string): { day: number; minutes: number } {
  const parts = formatterFor(timezone).formatToParts(at);
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a zone's schedule is in force at `at`. Rules are in local time; a rule whose end is
 * before its start runs past midnight and belongs to the day it starts. An exception covering
 * `at` decides: active=true adds curfew, active=false is an authorised absence. No schedule: always.
 */
export function scheduleInForce(schedule: Schedule | null, at: Date): boolean {
  if (schedule === null) return true;
  const time = at.getTime();
  for (const exception of schedule.exceptions) {
    if (Date.parse(exception.from) <= time && time < Date.parse(exception.to))
      return exception.active;
  }
  const { day, minutes } = localTime(at, schedule.timezone);
  const yesterday = day === 1 ? 7 : day - 1;
  return schedule.rules.some((rule) => {
    const start = toMinutes(rule.start);
    const end = toMinutes(rule.end);
    if (start < end) return rule.days.includes(day) && minutes >= start && minutes < end;
    // Crosses midnight: the evening part today, or the morning part of yesterday's rule.
    return (
      (rule.days.includes(day) && minutes >= start) ||
      (rule.days.includes(yesterday) && minutes < end)
    );
  });
}
