import { serviceFeatures } from '../central/capabilities';
import type { CentralHttp } from '../central/central-http';
import type { StoreService } from '../db/store-service';
import type { Clock } from '../runtime/clock';
import { fetchZoneVersions } from '../timeline/history-fetch';

/** A zone's history is asked again after this long (it may have changed meanwhile). */
const ZONE_HISTORY_TTL_MS = 5 * 60_000;

/**
 * Brings zones' older versions into the cache from central API 1.1 `zone_history`, at most once
 * per zone per TTL, for the timeline (zones as they were) and the zone panel (who changed what).
 * Says where the versions come from: `service` (every version) or `cache` (a 1.0 service, or none
 * reachable: only the versions this console saw).
 */
export function zoneHistoryRefresher(o: {
  store: StoreService;
  clock: Clock;
  http: () => CentralHttp | null;
}) {
  const asked = new Map<string, number>();
  return async (
    zoneIds: readonly string[],
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<'service' | 'cache'> => {
    const http = o.http();
    const features = http ? await serviceFeatures(http).catch(() => null) : null;
    if (!http || !features?.features.has('zone_history')) return 'cache';
    const now = o.clock().getTime();
    const due = zoneIds.filter(
      (zoneId) => fresh || now - (asked.get(zoneId) ?? -Infinity) >= ZONE_HISTORY_TTL_MS,
    );
    // Asked all at once and written in one store call: a timeline's first opening waits for them
    // (one after the other, a client's zones took as long as reading 130,000 fixes).
    const answers = await Promise.all(due.map((zoneId) => fetchZoneVersions(http, zoneId)));
    const versions = answers.flatMap((items) => items ?? []);
    if (versions.length > 0) await o.store.run((s) => s.putZoneVersions(versions));
    for (const zoneId of due) asked.set(zoneId, now);
    return 'service';
  };
}
export type ZoneHistoryRefresher = ReturnType<typeof zoneHistoryRefresher>;
