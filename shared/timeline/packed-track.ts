import type { PackedTimeline, PackedTrack, Timeline, TrackColumns } from '../domain/timeline';

/**
 * A track packed for the bridge: each column as the differences between consecutive fixes,
 * zigzag varints (small steps take a byte or two), column after column: time (ms, as the change
 * of the step: a fix a minute is a zero byte each), latitude and
 * longitude (1e-7 degree, about a centimetre), accuracy (whole metres), then the source codes as
 * bytes. A fix a minute takes about 7 bytes where JSON numbers took 50: on the machines the centre
 * runs, moving bytes into the page costs more than anything done with them. The page draws and lists
 * from it; the exports are made in the core from the full values.
 */
const DEGREES = 1e7;

/** The columns in the order they are packed, each with its scale to integers. */
const NUMERIC: { key: 'at' | 'lat' | 'lon' | 'accuracyM'; scale: number; steps: 1 | 2 }[] = [
  { key: 'at', scale: 1, steps: 2 },
  { key: 'lat', scale: DEGREES, steps: 1 },
  { key: 'lon', scale: DEGREES, steps: 1 },
  { key: 'accuracyM', scale: 1, steps: 1 },
];

/** The most bytes a zigzag varint of a safe integer takes (53 bits, 7 a byte). */
const MAX_VARINT = 8;

/**
 * One loop with the bytes written in place, no call per byte: it runs over 500,000 values the
 * first time a supervisor opens a timeline, before the engine has compiled it (a method call per
 * byte took 60 ms there).
 */
export function encodeTrack(track: TrackColumns): Uint8Array {
  const n = track.at.length;
  // A fix a minute packs in about 7 bytes; room for 12, grown if a track's steps are larger.
  let out = new Uint8Array(n * 12 + 64);
  let p = 0;
  for (const { key, scale, steps } of NUMERIC) {
    const column = track[key];
    let previous = 0;
    let step = 0;
    for (let i = 0; i < n; i += 1) {
      if (p + MAX_VARINT > out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      const value = Math.round(column[i]! * scale);
      const next = value - previous;
      const change = steps === 2 ? next - step : next;
      previous = value;
      step = next;
      let v = change >= 0 ? change * 2 : -change * 2 - 1;
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
    }
  }
  if (p + n > out.length) {
    const grown = new Uint8Array(p + n);
    grown.set(out.subarray(0, p));
    out = grown;
  }
  out.set(track.source, p);
  return out.subarray(0, p + n);
}

export function decodeTrack(bytes: Uint8Array, count: number): TrackColumns {
  const track: TrackColumns = {
    at: new Float64Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    accuracyM: new Float32Array(count),
    source: new Uint8Array(count),
  };
  let p = 0;
  const malformed = () => new Error(`packed track: malformed at byte ${p} for ${count} fixes`);
  for (const { key, scale, steps } of NUMERIC) {
    const column = track[key];
    let value = 0;
    let step = 0;
    for (let i = 0; i < count; i += 1) {
      // Bit operations for the first four bytes (28 bits, the steps of a track), arithmetic beyond.
      let v = 0;
      let shift = 0;
      for (;;) {
        if (p >= bytes.length || shift > 49) throw malformed();
        const byte = bytes[p++]!;
        v = shift < 28 ? v | ((byte & 127) << shift) : v + (byte & 127) * 2 ** shift;
        if (byte < 128) break;
        shift += 7;
      }
      const change = v % 2 === 0 ? v / 2 : -(v + 1) / 2;
      step = steps === 2 ? step + change : change;
      value += step;
      column[i] = value / scale;
    }
  }
  if (bytes.length - p !== count) throw malformed();
  track.source.set(bytes.subarray(p));
  return track;
}

type Base64Decoder = (text: string) => Uint8Array;

/** Chromium ≥ 140 decodes base64 natively; elsewhere (Node 22, older Electron) through atob. */
const fromBase64: Base64Decoder =
  (Uint8Array as unknown as { fromBase64?: Base64Decoder }).fromBase64?.bind(Uint8Array) ??
  ((text) => {
    // Not in the shared lib's types (no DOM), but in every runtime the console has.
    const binary = (globalThis as unknown as { atob: (text: string) => string }).atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  });

/** A packed track's columns as typed arrays. */
export const unpackTrack = (packed: PackedTrack): TrackColumns =>
  decodeTrack(fromBase64(packed.data), packed.count);

/** `timeline.open`'s answer with its track unpacked. */
export const unpackTimeline = (packed: PackedTimeline): Timeline => ({
  ...packed,
  track: unpackTrack(packed.track),
});
