import type { PackedTimeline, PackedTrack, Timeline, TrackColumns } from '../domain/timeline';

/**
 * A track packed for the bridge: each column as the differences between consecutive fixes,
 * zigzag varints (small steps take a byte or two), column after column: time (ms, as the change
 * of the interval: a fix a minute is a zero byte each), latitude and
 * longitude (1e-7 degree, about a centimetre), accuracy (whole metres), then the source codes as
 * bytes; the number of fixes and the four numeric columns' lengths come first. A fix a minute takes
 * about 7 bytes where JSON numbers took 50: on the machines the centre runs, moving bytes into the
 * page costs more than anything done with them. The page draws and lists from it; the exports are
 * made in the core from the full values.
 *
 * Such segments laid end to end are one track (joinPacked): the store keeps each past day of a
 * client packed (electron/core/db/queries/track-days.ts), and a timeline sends those days as they
 * are, packing only the fixes read from rows.
 */
const DEGREES = 1e7;

/** The most bytes a zigzag varint of a safe integer takes (53 bits, 7 a byte). */
const MAX_VARINT = 8;
/** A segment's fixes, then its numeric columns' byte lengths (five 32-bit little-endian numbers). */
const HEADER = 20;

/*
 * One loop over the fixes for all four columns, each written to (and read from) its own stream:
 * the first timeline a supervisor opens runs it before the engine has compiled it, and a loop per
 * column, or one loop meeting four kinds of column in turn, was compiled and thrown away at each
 * change of column (four deoptimisations each way: 50 ms cold where 10 ms was warm).
 */

const zigzag = (change: number): number => (change >= 0 ? change * 2 : -change * 2 - 1);

/** Writes `v` (≥ 0) as a varint at `p`; returns where the next one goes. */
function putVarint(out: Uint8Array, p: number, v: number): number {
  if (v < 0x80000000) {
    // Unsigned shifts stop at 32 bits; nearly every step is far below.
    while (v >= 128) {
      out[p++] = (v & 127) | 128;
      v >>>= 7;
    }
  } else {
    while (v >= 128) {
      out[p++] = (v % 128) + 128;
      v = Math.floor(v / 128);
    }
  }
  out[p++] = v;
  return p;
}

export function encodeTrack(track: TrackColumns): Uint8Array {
  const n = track.at.length;
  const { at, lat, lon, accuracyM } = track;
  // Room for the longest varint of every value: no checks in the loop.
  const times = new Uint8Array(n * MAX_VARINT);
  const lats = new Uint8Array(n * MAX_VARINT);
  const lons = new Uint8Array(n * MAX_VARINT);
  const metres = new Uint8Array(n * MAX_VARINT);
  let [pt, pla, plo, pm] = [0, 0, 0, 0];
  let [lastAt, lastInterval, lastLat, lastLon, lastMetres] = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i += 1) {
    const ms = Math.round(at[i]!);
    const interval = ms - lastAt;
    pt = putVarint(times, pt, zigzag(interval - lastInterval));
    lastAt = ms;
    lastInterval = interval;
    const y = Math.round(lat[i]! * DEGREES);
    pla = putVarint(lats, pla, zigzag(y - lastLat));
    lastLat = y;
    const x = Math.round(lon[i]! * DEGREES);
    plo = putVarint(lons, plo, zigzag(x - lastLon));
    lastLon = x;
    const m = Math.round(accuracyM[i]!);
    pm = putVarint(metres, pm, zigzag(m - lastMetres));
    lastMetres = m;
  }
  const out = new Uint8Array(HEADER + pt + pla + plo + pm + n);
  const header = new DataView(out.buffer);
  let p = HEADER;
  const streams: [Uint8Array, number][] = [
    [times, pt],
    [lats, pla],
    [lons, plo],
    [metres, pm],
  ];
  header.setUint32(0, n, true);
  streams.forEach(([stream, length], k) => {
    header.setUint32(4 + k * 4, length, true);
    out.set(stream.subarray(0, length), p);
    p += length;
  });
  out.set(track.source, p);
  return out;
}

/** One column's stream of zigzag varints, read value by value. */
class Steps {
  constructor(
    private readonly bytes: Uint8Array,
    private p: number,
    private readonly end: number,
  ) {}

  next(): number {
    // Bit operations for the first four bytes (28 bits, the steps of a track), arithmetic beyond.
    let v = 0;
    let shift = 0;
    for (;;) {
      if (this.p >= this.end || shift > 49)
        throw new Error(`packed track: malformed at byte ${this.p}`);
      const byte = this.bytes[this.p++]!;
      v = shift < 28 ? v | ((byte & 127) << shift) : v + (byte & 127) * 2 ** shift;
      if (byte < 128) break;
      shift += 7;
    }
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  /** Whether the stream was read to its end, no more and no less. */
  done(): boolean {
    return this.p === this.end;
  }
}

/** Segments (encodeTrack's) end to end: one track of all their fixes, in the order given. */
export function joinPacked(segments: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(segments.reduce((sum, segment) => sum + segment.length, 0));
  let p = 0;
  for (const segment of segments) {
    out.set(segment, p);
    p += segment.length;
  }
  return out;
}

export function decodeTrack(bytes: Uint8Array, count: number): TrackColumns {
  const malformed = (why: string) =>
    new Error(`packed track: malformed for ${count} fixes: ${why}`);
  const track: TrackColumns = {
    at: new Float64Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    accuracyM: new Float32Array(count),
    source: new Uint8Array(count),
  };
  let n = 0;
  let p = 0;
  do {
    if (bytes.length - p < HEADER) throw malformed('no header');
    const header = new DataView(bytes.buffer, bytes.byteOffset + p, HEADER);
    const fixes = header.getUint32(0, true);
    if (n + fixes > count) throw malformed(`more fixes in the data`);
    p += HEADER;
    const streams: Steps[] = [];
    for (let k = 0; k < 4; k += 1) {
      const length = header.getUint32(4 + k * 4, true);
      if (p + length > bytes.length) throw malformed(`column ${k} runs past the end`);
      streams.push(new Steps(bytes, p, p + length));
      p += length;
    }
    if (p + fixes > bytes.length) throw malformed('source codes run past the end');
    decodeSegment(streams as [Steps, Steps, Steps, Steps], track, n, fixes);
    track.source.set(bytes.subarray(p, p + fixes), n);
    p += fixes;
    n += fixes;
  } while (p < bytes.length);
  if (n !== count) throw malformed(`${n} fixes in the data`);
  return track;
}

function decodeSegment(
  [times, lats, lons, metres]: [Steps, Steps, Steps, Steps],
  track: TrackColumns,
  from: number,
  fixes: number,
): void {
  let [ms, interval, y, x, m] = [0, 0, 0, 0, 0];
  for (let i = from; i < from + fixes; i += 1) {
    interval += times.next();
    ms += interval;
    track.at[i] = ms;
    y += lats.next();
    track.lat[i] = y / DEGREES;
    x += lons.next();
    track.lon[i] = x / DEGREES;
    m += metres.next();
    track.accuracyM[i] = m;
  }
  if (![times, lats, lons, metres].every((stream) => stream.done()))
    throw new Error('packed track: malformed: columns longer than the fixes');
}

/** A packed track's columns as typed arrays. */
export const unpackTrack = (packed: PackedTrack): TrackColumns =>
  decodeTrack(packed.data, packed.count);

/** `timeline.open`'s answer with its track unpacked. */
export const unpackTimeline = (packed: PackedTimeline): Timeline => ({
  ...packed,
  track: unpackTrack(packed.track),
});
