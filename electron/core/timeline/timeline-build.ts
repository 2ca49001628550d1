import type { Client } from '../../../shared/central/records';
import {
  sourceCode,
  type TimelineWithIds,
  type TrackWithIds,
} from '../../../shared/domain/timeline';
import { mergeTimeline } from '../../../shared/timeline/merge';
import type { TimelineRows } from '../db/queries/timeline';
import type { FetchedHistory } from './history-fetch';

/** Union by id; of two copies of a record the higher version wins (the cache's, as a rule). */
function byId<T extends { id: string; version?: number }>(...lists: (readonly T[])[]): T[] {
  const kept = new Map<string, T>();
  for (const item of lists.flat()) {
    const held = kept.get(item.id);
    if (!held || (item.version ?? 0) > (held.version ?? 0)) kept.set(item.id, item);
  }
  return [...kept.values()];
}

/** The fetched fixes before the cache's first, then the cache's, as one ascending track. */
function joinTracks(
  fetched: FetchedHistory | null,
  cached: TrackWithIds,
  fromMs: number,
  toMs: number,
): TrackWithIds {
  if (!fetched) return cached;
  const have = new Set(cached.id);
  const firstCached = cached.at[0] ?? Number.POSITIVE_INFINITY;
  const older = fetched.positions.filter((p) => {
    const at = Date.parse(p.at);
    return at >= fromMs && at < toMs && at < firstCached && !have.has(p.id);
  });
  const k = older.length;
  const n = k + cached.at.length;
  const track: TrackWithIds = {
    id: [...older.map((p) => p.id), ...cached.id],
    at: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    accuracyM: new Float32Array(n),
    source: new Uint8Array(n),
  };
  older.forEach((p, i) => {
    track.at[i] = Date.parse(p.at);
    track.lat[i] = p.lat;
    track.lon[i] = p.lon;
    track.accuracyM[i] = p.accuracyM;
    track.source[i] = sourceCode(p.source);
  });
  track.at.set(cached.at, k);
  track.lat.set(cached.lat, k);
  track.lon.set(cached.lon, k);
  track.accuracyM.set(cached.accuracyM, k);
  track.source.set(cached.source, k);
  return track;
}

export interface BuildInput {
  client: Client;
  fromMs: number;
  toMs: number;
  nowMs: number;
  rows: TimelineRows;
  /** The cache's fixes of the window. */
  track: TrackWithIds;
  fetched: FetchedHistory | null;
  /** The oldest moment the cache holds (its coverage, or retention's cut-off, whichever is later). */
  cacheFromMs: number | null;
  zoneHistory: 'service' | 'cache';
}

/** One client's window, from the cache and whatever history was fetched for it. */
export function buildTimeline(input: BuildInput): TimelineWithIds {
  const { client, fromMs, toMs, rows, fetched } = input;
  const track = joinTracks(fetched, input.track, fromMs, toMs);
  const alerts = byId(fetched?.alerts ?? [], rows.alerts).sort(
    (a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt),
  );
  const actions = byId(fetched?.actions ?? [], rows.actions).sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  const journal = byId(fetched?.journal ?? [], rows.journal);
  const zones = rows.zones.filter(
    (zone) =>
      zone.clientId === client.id || (zone.clientId === null && zone.appliesTo.includes(client.id)),
  );
  return {
    client: { id: client.id, displayName: client.displayName, caseNumber: client.caseNumber },
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    track,
    events: mergeTimeline({
      clientId: client.id,
      fromMs,
      toMs,
      track,
      zones,
      alerts,
      actions,
      journal,
      nowMs: input.nowMs,
      knownFromMs: fetched ? fromMs : (input.cacheFromMs ?? fromMs),
    }),
    zones,
    alerts,
    actions,
    source: {
      cacheFrom: input.cacheFromMs === null ? null : new Date(input.cacheFromMs).toISOString(),
      fetched: fetched !== null,
      zoneHistory: input.zoneHistory,
    },
  };
}
