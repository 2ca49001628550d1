import type { AlertQueueItem, Severity } from '../../../../../shared/domain/alerts';

export type SoundName = Severity | 'breach' | 'flood';

/** How often an unclaimed critical alert sounds again until someone claims it. */
export const CRITICAL_REPEAT_MS = 15_000;

const rank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Alerts that call for attention: not suppressed by a supervisor. */
export const audible = (items: readonly AlertQueueItem[]): AlertQueueItem[] =>
  items.filter((item) => item.suppression === null);

/**
 * The one sound for alerts that just arrived: a flood that has just begun sounds once as a flood
 * and then stays quiet (its banner says what is arriving); otherwise the most severe arrival.
 */
export function arrivalSound(
  fresh: readonly AlertQueueItem[],
  flood: { now: boolean; before: boolean },
): SoundName | null {
  const loud = audible(fresh);
  if (loud.length === 0) return null;
  if (flood.now) return flood.before ? null : 'flood';
  const worst = loud.reduce((a, b) => (rank[b.alert.severity] < rank[a.alert.severity] ? b : a));
  return worst.alert.severity;
}

/** Whether a critical alert is still waiting for someone to claim it (it sounds again). */
export function unclaimedCritical(items: readonly AlertQueueItem[]): boolean {
  return audible(items).some(
    (item) => item.alert.severity === 'critical' && item.alert.state === 'open',
  );
}

/**
 * Alerts whose missed target still stands: not claimed in time and still open, or not resolved
 * in time. These are the supervisors' escalations.
 */
export function standingBreaches(items: readonly AlertQueueItem[]): AlertQueueItem[] {
  return items.filter(
    (item) =>
      (item.breached.includes('claim') && item.alert.state === 'open') ||
      item.breached.includes('resolve'),
  );
}
