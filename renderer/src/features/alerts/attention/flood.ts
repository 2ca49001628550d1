import type { AlertType } from '../../../../../shared/domain/alert-types';

/** More new alerts than this within FLOOD_WINDOW_MS is a flood: one summary, not one sound each. */
export const FLOOD_THRESHOLD = 20;
export const FLOOD_WINDOW_MS = 60_000;

export interface Arrival {
  at: number;
  type: AlertType;
}

export interface Flood {
  flooding: boolean;
  /** New alerts within the window. */
  count: number;
  /** How many of each type arrived within the window, most first. */
  byType: [AlertType, number][];
}

/** The arrivals still inside the window at `nowMs` (older ones no longer count). */
export function recentArrivals(arrivals: readonly Arrival[], nowMs: number): Arrival[] {
  return arrivals.filter((arrival) => nowMs - arrival.at < FLOOD_WINDOW_MS);
}

export function floodOf(arrivals: readonly Arrival[], nowMs: number): Flood {
  const recent = recentArrivals(arrivals, nowMs);
  const counts = new Map<AlertType, number>();
  for (const { type } of recent) counts.set(type, (counts.get(type) ?? 0) + 1);
  const byType = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { flooding: recent.length > FLOOD_THRESHOLD, count: recent.length, byType };
}
