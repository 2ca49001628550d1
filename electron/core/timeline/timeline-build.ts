import type { Client } from '../../../shared/central/records';
import {
  sourceCode,
  type TimelineWithIds,
  type TrackWithIds,
} from '../../../shared/domain/timeline';
import { mergeTimeline } from '../../../shared/timeline/merge';
import { trackColumns, type TimelineRows } from '../db/queries/timeline';
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
) {
  if (!fetched) return cached;
  const track: TrackWithIds = { id: [], at: [], lat: [], lon: [], accuracyM: [], source: [] };
  const have = new Set(cached.id);
  const firstCached = cached.at[0] ?? Number.POSITIVE_INFINITY;
  for (const p of fetched.positions) {
    const at = Date.parse(p.at);
    if (at < fromMs || at >= toMs || at >= firstCached || have.has(p.id)) continue;
    track.id.push(p.id);
    track.at.push(at);
    track.lat.push(p.lat);
    track.lon.push(p.lon);
    track.accuracyM.push(p.accuracyM);
    track.source.push(sourceCode(p.source));
  }
  for (const key of ['id', 'at', 'lat', 'lon', 'accuracyM', 'source'] as const)
    (track[key] as unknown[]).push(...(cached[key] as unknown[]));
  return track;
}

export interface BuildInput {
  client: Client;
  fromMs: number;
  toMs: number;
  nowMs: number;
  rows: TimelineRows;
  fetched: FetchedHistory | null;
  /** The oldest moment the cache holds (its coverage, or retention's cut-off, whichever is later). */
  cacheFromMs: number | null;
  zoneHistory: 'service' | 'cache';
}

/** One client's window, from the cache and whatever history was fetched for it. */
export function buildTimeline(input: BuildInput): TimelineWithIds {
  const { client, fromMs, toMs, rows, fetched } = input;
  const track = joinTracks(fetched, trackColumns(rows.track), fromMs, toMs);
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
