import { alertMark, type AlertMark, type FixTuple } from '../../../shared/domain/map';
import type { Zone } from '../../../shared/central/records';
import type { CacheRecord } from '../db/apply-events';
import type { AppliedBatch, OtherEvent } from '../db/packed-batch';
import type { EventBus } from '../events/event-bus';

/**
 * How often the windows hear about new fixes and changed alerts at most. The soak showed the wait
 * for the next flush was most of the time from the service's emit to the screen: at 250 ms the p99
 * was ~390 ms; at 100 ms the core's own p99 was 120–140 ms, of which the flush wait was up to 100.
 * Twenty messages a second still coalesce a catch-up into few, and the map draws only what changed.
 */
export const FLUSH_EVERY_MS = 50;

/**
 * Tells the windows what changed in the cache, coalesced: the newest fix per client and the latest
 * state of each changed alert and zone, at most ten times a second. A catch-up of millions of
 * events thus reaches the map as a few thousand updates, not millions of messages.
 */
export class LiveFeed {
  private fixes = new Map<string, FixTuple>();
  private alerts = new Map<string, AlertMark>();
  private acted = new Set<string>();
  private zones = new Map<string, Zone>();
  private deletedZones = new Set<string>();
  private shifts = false;
  private victims = false;
  private suppressions = false;
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;

  constructor(private readonly bus: EventBus) {}

  /** A stream batch just written to the cache (after its transaction committed). */
  batchApplied(batch: AppliedBatch): void {
    for (const fix of batch.fixes) {
      const held = this.fixes.get(fix[0]);
      if (!held || fix[3] >= held[3]) this.fixes.set(fix[0], fix);
    }
    if (batch.fixes.length > 0) this.flushSoon();
    this.applied(batch.others);
  }

  /** Records just written to the cache (after their transaction committed). */
  applied(events: readonly OtherEvent[] | readonly CacheRecord[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'alert':
          this.alerts.set(event.data.id, alertMark(event.data));
          break;
        case 'alert.action':
          this.acted.add(event.data.alertId);
          break;
        case 'zone':
          this.zones.set(event.data.id, event.data);
          this.deletedZones.delete(event.data.id);
          break;
        case 'zone.deleted':
          this.zones.delete(event.data.id);
          this.deletedZones.add(event.data.id);
          break;
        case 'shift':
        case 'journal.entry':
          this.shifts = true;
          break;
        case 'suppression':
          this.suppressions = true;
          break;
        case 'protection_order':
        case 'victim.position':
          this.victims = true;
          break;
        default:
          continue;
      }
      this.flushSoon();
    }
  }

  /** The first change after a quiet spell goes at once; then at most one flush per period. */
  private flushSoon(): void {
    this.timer ??= setTimeout(
      () => this.flush(),
      Math.max(0, this.lastFlush + FLUSH_EVERY_MS - Date.now()),
    ).unref();
  }

  /** The cache took a snapshot: windows reload the map rather than patch it. */
  reloaded(): void {
    this.shifts = true;
    this.victims = true;
    this.suppressions = true;
    this.flush();
    this.bus.emit('map.reload', {});
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = Date.now();
    if (this.fixes.size > 0) this.bus.emit('map.fixes', { fixes: [...this.fixes.values()] });
    if (this.alerts.size > 0 || this.acted.size > 0)
      this.bus.emit('alerts.changed', {
        alerts: [...this.alerts.values()],
        acted: [...this.acted],
      });
    if (this.zones.size > 0 || this.deletedZones.size > 0)
      this.bus.emit('zones.changed', {
        zones: [...this.zones.values()],
        deleted: [...this.deletedZones],
      });
    if (this.shifts) this.bus.emit('shifts.changed', {});
    if (this.victims) this.bus.emit('victims.changed', {});
    if (this.suppressions) this.bus.emit('suppressions.changed', {});
    this.suppressions = false;
    this.shifts = false;
    this.victims = false;
    this.fixes = new Map();
    this.alerts = new Map();
    this.acted = new Set();
    this.zones = new Map();
    this.deletedZones = new Set();
  }
}
