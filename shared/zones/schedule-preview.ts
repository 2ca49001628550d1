import type { Schedule } from '../central/records';
import { scheduleEdges } from '../timeline/schedule-edges';
import { scheduleInForce } from './schedule';

const DAY_MS = 86_400_000;

/** When a zone next comes into or out of force (within 8 days), or null: always, or never. */
export function nextScheduleChange(
  schedule: Schedule | null,
  nowMs: number,
): { at: number; inForce: boolean } | null {
  const edge = scheduleEdges(schedule, nowMs, nowMs + 8 * DAY_MS)[0];
  return edge ? { at: edge.at, inForce: edge.inForce } : null;
}

export interface ForceSpan {
  from: number;
  to: number;
  /** An exception made this span: an extra curfew's reason. */
  reason: string | null;
}

/**
 * The spans in force over the 7 days from `fromMs` (clipped to them), and the exceptions that
 * touch those days (an authorised absence shows as a gap with its reason, an extra curfew as a span
 * with it). The same edges as the timeline's, so a curfew 22:00–06:00 stays local across a
 * clock change.
 */
export function weekInForce(
  schedule: Schedule | null,
  fromMs: number,
): { spans: ForceSpan[]; exceptions: Schedule['exceptions'] } {
  const toMs = fromMs + 7 * DAY_MS;
  if (schedule === null)
    return { spans: [{ from: fromMs, to: toMs, reason: null }], exceptions: [] };
  const spans: ForceSpan[] = [];
  let start: number | null = scheduleInForce(schedule, new Date(fromMs)) ? fromMs : null;
  let reason: string | null = null;
  for (const edge of scheduleEdges(schedule, fromMs, toMs)) {
    if (edge.inForce) {
      start = edge.at;
      reason = edge.reason;
    } else if (start !== null) {
      spans.push({ from: start, to: edge.at, reason });
      start = null;
      reason = null;
    }
  }
  if (start !== null) spans.push({ from: start, to: toMs, reason });
  const exceptions = schedule.exceptions.filter(
    (e) => Date.parse(e.from) < toMs && Date.parse(e.to) > fromMs,
  );
  return { spans, exceptions };
}
