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

/** Growable byte buffer for the encoder. */
class Bytes {
  bytes = new Uint8Array(1024);
  length = 0;

  push(byte: number): void {
    if (this.length === this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes[this.length++] = byte;
  }

  /** An integer (safe range) as a zigzag varint; arithmetic, as bit operators stop at 32 bits. */
  varint(value: number): void {
    let v = value >= 0 ? value * 2 : -value * 2 - 1;
    while (v >= 128) {
      this.push((v % 128) + 128);
      v = Math.floor(v / 128);
    }
    this.push(v);
  }
}

/** The columns in the order they are packed, each with its scale to integers. */
const NUMERIC: { key: 'at' | 'lat' | 'lon' | 'accuracyM'; scale: number; steps: 1 | 2 }[] = [
  { key: 'at', scale: 1, steps: 2 },
  { key: 'lat', scale: DEGREES, steps: 1 },
  { key: 'lon', scale: DEGREES, steps: 1 },
  { key: 'accuracyM', scale: 1, steps: 1 },
];

export function encodeTrack(track: TrackColumns): Uint8Array {
  const out = new Bytes();
  const n = track.at.length;
  for (const { key, scale, steps } of NUMERIC) {
    const column = track[key];
    let previous = 0;
    let step = 0;
    for (let i = 0; i < n; i += 1) {
      const value = Math.round(column[i]! * scale);
      const next = value - previous;
      out.varint(steps === 2 ? next - step : next);
      previous = value;
      step = next;
    }
  }
  for (let i = 0; i < n; i += 1) out.push(track.source[i]!);
  return out.bytes.subarray(0, out.length);
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
