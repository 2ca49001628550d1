import type { Zone } from '../../../shared/central/records';
import type { ApproachFlag, FixTuple } from '../../../shared/domain/map';
import { APPROACH, approachWarnings, type CourseFix } from '../../../shared/zones/approach';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../runtime/clock';

/** Flags are looked at again this often, so that one whose course went stale is taken down. */
const RECHECK_MS = 30_000;

/**
 * The approach warning for every client on the map, not only the one whose panel is open: for
 * each client with exclusion zones, the newest fixes the live feed announces are kept for the
 * judged stretch (ten minutes), and the client is judged on each new fix
 * (`shared/zones/approach.ts`). The windows hear `approaches.changed` whenever the set of flagged
 * clients or their times to entry change. Fixes are kept in memory only, and only for those
 * clients (with 10,000 clients at one fix every ten seconds, every client's ten minutes are
 * 600,000 fixes): after a restart, or once a client is given an exclusion zone, they are judged
 * again when their course has three fixes over two minutes.
 */
export class ApproachWatch {
  private readonly courses = new Map<string, CourseFix[]>();
  private exclusion: Map<string, Zone[]> | null = null;
  private loading: Promise<Map<string, Zone[]>> | null = null;
  /** Counts the zones' changes, so that a read begun before one is not kept after it. */
  private zonesVersion = 0;
  private flagged = new Map<string, ApproachFlag>();
  private timer: NodeJS.Timeout | null = null;
  private stop: (() => void) | null = null;

  constructor(
    private readonly store: StoreService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logError: (message: string, error: unknown) => void,
  ) {}

  start(): void {
    this.stop = this.bus.subscribe((event, payload) => {
      if (event === 'map.fixes')
        this.fixes((payload as { fixes: FixTuple[] }).fixes).catch((error: unknown) =>
          this.logError('approach watch', error),
        );
      if (event === 'zones.changed' || event === 'map.reload') {
        this.zonesVersion += 1;
        this.exclusion = null;
        this.loading = null;
      }
    });
    this.timer = setInterval(() => {
      this.recheck().catch((error: unknown) => this.logError('approach watch', error));
    }, RECHECK_MS).unref();
  }

  close(): void {
    this.stop?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** How many clients' courses are held (all of them have exclusion zones). */
  heldCourses(): number {
    return this.courses.size;
  }

  /** The clients flagged now, soonest entry first. */
  current(): ApproachFlag[] {
    return [...this.flagged.values()].sort((a, b) => a.etaS - b.etaS);
  }

  private async zones(): Promise<Map<string, Zone[]>> {
    if (this.exclusion) return this.exclusion;
    const version = this.zonesVersion;
    const loading = (this.loading ??= this.store
      .run((s) => s.exclusionZones())
      .then((zones) => {
        // A shared zone is one object in every list it is in.
        const byClient = new Map<string, Zone[]>();
        for (const { zone, clientIds } of zones)
          for (const clientId of clientIds) {
            const list = byClient.get(clientId);
            if (list) list.push(zone);
            else byClient.set(clientId, [zone]);
          }
        if (version !== this.zonesVersion) return byClient;
        this.exclusion = byClient;
        this.loading = null;
        // A client no longer kept away from anywhere needs no course.
        for (const clientId of this.courses.keys())
          if (!byClient.has(clientId)) this.courses.delete(clientId);
        return byClient;
      })
      .catch((error: unknown) => {
        // The next batch of fixes reads them again.
        if (version === this.zonesVersion) this.loading = null;
        throw error;
      }));
    return loading;
  }

  private async fixes(fixes: readonly FixTuple[]): Promise<void> {
    const zones = await this.zones();
    const judged = new Set<string>();
    for (const [clientId, lat, lon, at] of fixes) {
      if (this.flagged.has(clientId)) judged.add(clientId);
      if (!zones.has(clientId)) continue;
      judged.add(clientId);
      const course = this.courses.get(clientId) ?? [];
      if (course.length > 0 && at <= course.at(-1)!.at) continue;
      course.push({ lat, lon, at });
      while (course[0]!.at < at - APPROACH.windowMs) course.shift();
      this.courses.set(clientId, course);
    }
    this.judge([...judged], zones);
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
