import type { Database } from 'better-sqlite3';
import { sourceCode, type TrackWithIds } from '../../../../shared/domain/timeline';
import { mappedRead } from '../mapped-read';
import { DAY_MS, packedDaysOf } from './track-days';
import { encodeTrack, joinPacked } from '../../../../shared/timeline/packed-track';
import { statement } from '../statements';
import { CLIENT_TIMELINE_NO_ID_SQL, CLIENT_TIMELINE_SQL, rangeParams } from './positions';

/** Fixes a 10-minute bucket holds at one a minute: the first guess of a window's size. */
const PER_BUCKET = 10;

function grown<T extends Float64Array | Float32Array | Uint8Array>(column: T, size: number): T {
  const next = new (column.constructor as new (n: number) => T)(size);
  next.set(column);
  return next;
}

/**
 * A client's fixes in [fromMs, toMs) as typed columns, in time order: the whole days in it from
 * their packed values where there are some (track-days.ts), the rest from the rows, and all of them
 * packed for the bridge too. With ids (an export) every fix comes from the rows, and nothing is
 * packed.
 */
export function readTrack(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
  withIds: boolean,
): TrackWithIds {
  return mappedRead(db, () => {
    if (withIds) return readRows(db, clientId, fromMs, toMs, true);
    const firstDay = Math.ceil(fromMs / DAY_MS);
    const lastDay = Math.floor(toMs / DAY_MS) - 1;
    const packed = lastDay < firstDay ? [] : packedDaysOf(db, clientId, firstDay, lastDay);
    const parts: TrackWithIds[] = [];
    // Rows are packed here, on the reader's thread, so the core only lays the parts end to end.
    const rows = (from: number, to: number) => {
      const read = readRows(db, clientId, from, to, false);
      parts.push({ ...read, packed: encodeTrack(read) });
    };
    let rowsFrom = fromMs;
    for (const { day, track, data } of packed) {
      const start = day * DAY_MS;
      if (start > rowsFrom) rows(rowsFrom, start);
      parts.push({ ...track, id: [], packed: data });
      rowsFrom = start + DAY_MS;
    }
    if (rowsFrom < toMs) rows(rowsFrom, toMs);
    return joinedTracks(parts);
  });
}

/**
 * The fixes from the rows, straight as SQLite steps through them (no array of 130,000 row arrays,
 * no sort in SQLite: the bucket-by-bucket seeks give them in time order already; should a plan
 * ever not, they are put in order here).
 */
export function readRows(
  db: Database,
  clientId: string,
  fromMs: number,
  toMs: number,
  withIds: boolean,
): TrackWithIds {
  const params = rangeParams(clientId, fromMs, toMs);
  let size = Math.max(16, (params[1] - params[0] + 1) * PER_BUCKET);
  let track: TrackWithIds = {
    id: [],
    at: new Float64Array(size),
    lat: new Float64Array(size),
    lon: new Float64Array(size),
    accuracyM: new Float32Array(size),
    source: new Uint8Array(size),
  };
  const first = withIds ? 1 : 0;
  let n = 0;
  let ordered = true;
  const rows = statement(db, withIds ? CLIENT_TIMELINE_SQL : CLIENT_TIMELINE_NO_ID_SQL)
    .raw(true)
    .iterate(...params) as IterableIterator<unknown[]>;
  for (const row of rows) {
    if (n === size) {
      size *= 2;
      track = {
        id: track.id,
        at: grown(track.at, size),
        lat: grown(track.lat, size),
        lon: grown(track.lon, size),
        accuracyM: grown(track.accuracyM, size),
        source: grown(track.source, size),
      };
    }
    if (withIds) track.id.push(row[0] as string);
    const at = row[first] as number;
    if (n > 0 && at < track.at[n - 1]!) ordered = false;
    track.at[n] = at;
    track.lat[n] = row[first + 1] as number;
    track.lon[n] = row[first + 2] as number;
    track.accuracyM[n] = row[first + 3] as number;
    track.source[n] = sourceCode(row[first + 4] as string);
    n += 1;
  }
  const read: TrackWithIds = {
    id: track.id,
    at: track.at.slice(0, n),
    lat: track.lat.slice(0, n),
    lon: track.lon.slice(0, n),
    accuracyM: track.accuracyM.slice(0, n),
    source: track.source.slice(0, n),
  };
  return ordered ? read : inTimeOrder(read);
}

/** [fromMs, toMs) cut into `parts` windows of equal length, as their `parts + 1` edges. */
export function windowCuts(fromMs: number, toMs: number, parts: number): number[] {
  const edges = Array.from({ length: parts + 1 }, (_, i) =>
    Math.round(fromMs + ((toMs - fromMs) * i) / parts),
  );
  edges[parts] = toMs;
  return edges;
}

/** Tracks of consecutive windows (each in time order) as one track. */
export function joinedTracks(parts: readonly TrackWithIds[]): TrackWithIds {
  if (parts.length === 1) return parts[0]!;
  const packed = parts.every((part) => part.packed)
    ? { packed: joinPacked(parts.map((part) => part.packed!)) }
    : {};
  const n = parts.reduce((sum, part) => sum + part.at.length, 0);
  const track: TrackWithIds = {
    id: parts.flatMap((part) => part.id),
    at: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    accuracyM: new Float32Array(n),
    source: new Uint8Array(n),
    ...packed,
  };
  let at = 0;
  for (const part of parts) {
    track.at.set(part.at, at);
    track.lat.set(part.lat, at);
    track.lon.set(part.lon, at);
    track.accuracyM.set(part.accuracyM, at);
    track.source.set(part.source, at);
    at += part.at.length;
  }
  return track;
}

/** The track's fixes sorted by time (stable: fixes of the same moment keep their order). */
export function inTimeOrder(track: TrackWithIds): TrackWithIds {
  const n = track.at.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => track.at[a]! - track.at[b]! || a - b,
  );
  const pick = <T extends Float64Array | Float32Array | Uint8Array>(column: T): T => {
    const next = new (column.constructor as new (n: number) => T)(n);
    order.forEach((from, to) => (next[to] = column[from]!));
    return next;
  };
  return {
    id: track.id.length === n ? order.map((i) => track.id[i]!) : [],
    at: pick(track.at),
    lat: pick(track.lat),
    lon: pick(track.lon),
    accuracyM: pick(track.accuracyM),
    source: pick(track.source),
  };
}
