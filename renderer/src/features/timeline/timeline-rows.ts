import type { Timeline, TimelineKind } from '../../../../shared/domain/timeline';

/**
 * The list's rows: events and fixes merged in time order, as one Int32Array (an event's index,
 * or -1 - a fix's index) so 130,000 fixes cost no object each. Rebuilt when the filter changes.
 */
export function listRows(timeline: Timeline, shown: ReadonlySet<TimelineKind>): Int32Array {
  const { events, track } = timeline;
  const withFixes = shown.has('position');
  const rows = new Int32Array((withFixes ? track.at.length : 0) + events.length);
  let n = 0;
  let e = 0;
  let p = withFixes ? 0 : track.at.length;
  while (e < events.length || p < track.at.length) {
    if (p < track.at.length && (e >= events.length || track.at[p]! <= events[e]!.at)) {
      rows[n++] = -1 - p++;
      continue;
    }
    if (shown.has(events[e]!.kind)) rows[n++] = e;
    e += 1;
  }
  return rows.subarray(0, n);
}

export const rowTime = (timeline: Timeline, row: number): number =>
  row >= 0 ? timeline.events[row]!.at : timeline.track.at[-1 - row]!;

/** The last row at or before `t` (the row the list keeps in view as the replay runs); -1 if none. */
export function rowAtTime(timeline: Timeline, rows: Int32Array, t: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rowTime(timeline, rows[mid]!) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The last fix at or before `t`, as an index into the track; -1 before the first. */
export function fixAtTime(at: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = at.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The next event strictly after `t` (of the shown kinds other than fixes), or null. */
export function nextEventTime(
  timeline: Timeline,
  t: number,
  shown: ReadonlySet<TimelineKind>,
): number | null {
  return timeline.events.find((e) => e.at > t && shown.has(e.kind))?.at ?? null;
}

const isRaise = (e: Timeline['events'][number]) =>
  (e.kind === 'alert' || e.kind === 'device') && e.change === 'raised';

/** The alert raised next after `t` (direction 1) or last before it (-1), or null. */
export function alertTime(timeline: Timeline, t: number, direction: 1 | -1): number | null {
  const raised = timeline.events.filter(isRaise);
  const hit = direction === 1 ? raised.find((e) => e.at > t) : raised.findLast((e) => e.at < t);
  return hit?.at ?? null;
}
