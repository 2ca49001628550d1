import type { Zone } from '../../../shared/central/records';
import type { ApproachFlag, FixTuple } from '../../../shared/domain/map';
import { APPROACH, approachWarnings, type CourseFix } from '../../../shared/zones/approach';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';

/** Flags are looked at again this often, so that one whose course went stale is taken down. */
const RECHECK_MS = 30_000;

/**
 * The approach warning for every client on the map, not only the one whose panel is open: the
 * newest fixes the live feed announces are kept per client for the judged stretch (ten minutes),
 * and a client with exclusion zones is judged on each new fix (`shared/zones/approach.ts`). The
 * windows hear `approaches.changed` whenever the set of flagged clients or their times to entry change.
 * Fixes are kept in memory only: after a restart a client is judged again once their course has
 * three fixes over two minutes.
 */
export class ApproachWatch {
  private readonly courses = new Map<string, CourseFix[]>();
  private exclusion: Map<string, Zone[]> | null = null;
  private loading: Promise<Map<string, Zone[]>> | null = null;
  private flagged = new Map<string, ApproachFlag>();
  private timer: NodeJS.Timeout | null = null;
  private stop: (() => void) | null = null;

  constructor(
    private readonly store: StoreService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.stop = this.bus.subscribe((event, payload) => {
      if (event === 'map.fixes') void this.fixes((payload as { fixes: FixTuple[] }).fixes);
      if (event === 'zones.changed' || event === 'map.reload') this.exclusion = null;
    });
    this.timer = setInterval(() => void this.recheck(), RECHECK_MS).unref();
  }

  close(): void {
    this.stop?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** The clients flagged now, soonest entry first. */
  current(): ApproachFlag[] {
    return [...this.flagged.values()].sort((a, b) => a.etaS - b.etaS);
  }

  private async zones(): Promise<Map<string, Zone[]>> {
    if (this.exclusion) return this.exclusion;
    this.loading ??= this.store
      .run((s) => s.exclusionZonesByClient())
      .then((rows) => {
        const byClient = new Map<string, Zone[]>();
        for (const { clientId, zone } of rows) {
          const list = byClient.get(clientId);
          if (list) list.push(zone);
          else byClient.set(clientId, [zone]);
        }
        this.exclusion = byClient;
        return byClient;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async fixes(fixes: readonly FixTuple[]): Promise<void> {
    for (const [clientId, lat, lon, at] of fixes) {
      const course = this.courses.get(clientId) ?? [];
      if (course.length > 0 && at <= course.at(-1)!.at) continue;
      course.push({ lat, lon, at });
      while (course[0]!.at < at - APPROACH.windowMs) course.shift();
      this.courses.set(clientId, course);
    }
    const zones = await this.zones();
    const changed = fixes
      .map(([clientId]) => clientId)
      .filter((clientId) => zones.has(clientId) || this.flagged.has(clientId));
    this.judge(changed, zones);
  }

  private async recheck(): Promise<void> {
    this.judge([...this.flagged.keys()], await this.zones());
  }

  private judge(clientIds: readonly string[], zones: Map<string, Zone[]>): void {
    const now = this.clock().getTime();
    let changed = false;
    for (const clientId of clientIds) {
      const [first] = approachWarnings(
        this.courses.get(clientId) ?? [],
        zones.get(clientId) ?? [],
        now,
      );
      const before = this.flagged.get(clientId);
      if (!first) {
        if (before) changed = this.flagged.delete(clientId);
        continue;
      }
      const flag = { clientId, ...first, etaS: Math.round(first.etaS) };
      if (before?.zoneId === flag.zoneId && Math.abs(before.etaS - flag.etaS) < 30) continue;
      this.flagged.set(clientId, flag);
      changed = true;
    }
    if (changed) this.bus.emit('approaches.changed', { items: this.current() });
  }
}
