import type { AlertQueueItem } from '../../../../../shared/domain/alerts';
import { arrivalSound, audible, type SoundName } from './cues';
import { floodOf, recentArrivals, type Arrival, type Flood } from './flood';

export interface Arrived {
  /** Alerts not in any queue seen before. */
  fresh: AlertQueueItem[];
  sound: SoundName | null;
  flood: Flood;
  /** A flood began with this queue. */
  floodBegan: boolean;
}

/**
 * Tells, queue after queue, which alerts are new, what to sound, and whether they come as a flood.
 * The first queue is what was open when the console started: it is not news.
 */
export class ArrivalWatcher {
  private seen: Set<string> | null = null;
  private arrivals: Arrival[] = [];
  private flooding = false;

  update(items: readonly AlertQueueItem[], nowMs: number): Arrived {
    const first = this.seen === null;
    const seen = this.seen ?? new Set();
    const fresh = items.filter((item) => !seen.has(item.alert.id));
    // A resolved alert never comes back: what is remembered is what is in the queue.
    this.seen = new Set(items.map((item) => item.alert.id));
    if (first) return { fresh: [], sound: null, flood: this.flood(nowMs), floodBegan: false };
    for (const item of audible(fresh)) this.arrivals.push({ at: nowMs, type: item.alert.type });
    const before = this.flooding;
    const flood = this.flood(nowMs);
    return {
      fresh,
      sound: arrivalSound(fresh, { now: flood.flooding, before }),
      flood,
      floodBegan: flood.flooding && !before,
    };
  }

  /** The flood as of now (it ends once arrivals slow down). */
  flood(nowMs: number): Flood {
    this.arrivals = recentArrivals(this.arrivals, nowMs);
    const flood = floodOf(this.arrivals, nowMs);
    this.flooding = flood.flooding;
    return flood;
  }
}
