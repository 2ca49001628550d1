import { describe, expect, it } from 'vitest';
import { inTimeOrder } from '../../../../electron/core/db/queries/track-read';
import { packTrack } from '../../../../electron/core/timeline/pack-track';
import { decodeFrame, encodeFrame } from '../../../../shared/api/binary-frame';
import type { PackedTrack } from '../../../../shared/domain/timeline';
import { encodeTrack, joinPacked, unpackTrack } from '../../../../shared/timeline/packed-track';

const track = () => ({
  at: Float64Array.from([1_764_000_000_123, 1_764_000_060_456, 1_764_000_120_789]),
  lat: Float64Array.from([56.951234, 56.9513, -33.8688]),
  lon: Float64Array.from([24.113456, 24.1135, 151.2093]),
  accuracyM: Float32Array.from([12, 35.5, 1500]),
  source: Uint8Array.from([0, 1, 3]),
});

describe('the packed track', () => {
  it('crosses the headless bridge in a frame and comes back as sent (to 1e-7 degree and the metre)', () => {
    const sent = track();
    const frame = encodeFrame({ track: packTrack(sent) });
    const { track: packed } = decodeFrame(frame.slice().buffer) as { track: PackedTrack };
    expect(packed.data.byteLength).toBe(packTrack(sent).data.byteLength);
    const received = unpackTrack(packed);
    expect(received).toEqual({ ...sent, accuracyM: Float32Array.from([12, 36, 1500]) });
    expect(received.at).toBeInstanceOf(Float64Array);
    expect(received.source).toBeInstanceOf(Uint8Array);
  });

  it('carries fixes out of order, far apart and at the ends of the world', () => {
    const sent = {
      at: Float64Array.from([8_000_000_000_000, 0, 1_764_000_000_000]),
      lat: Float64Array.from([90, -90, 0.0000001]),
      lon: Float64Array.from([180, -180, -0.0000001]),
      accuracyM: Float32Array.from([0, 100_000, 5]),
      source: Uint8Array.from([3, 0, 2]),
    };
    expect(unpackTrack(packTrack(sent))).toEqual(sent);
  });

  it('grows past its first guess when every step is large', () => {
    // Jumps across the world and the decades each fix: every value needs the longest varint.
    const n = 500;
    const sent = {
      at: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 8_000_000_000_000 : 0) + i),
      lat: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 90 : -90)),
      lon: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 180 : -180)),
      accuracyM: Float32Array.from({ length: n }, (_, i) => (i % 2 ? 100_000 : 0)),
      source: Uint8Array.from({ length: n }, (_, i) => i % 4),
    };
    expect(encodeTrack(sent).length).toBeGreaterThan(n * 12 + 64);
    expect(unpackTrack(packTrack(sent))).toEqual(sent);
  });

  it('packs a fix a minute in about 7 bytes, a tenth of it as JSON', () => {
    const n = 1000;
    const walk = {
      at: Float64Array.from({ length: n }, (_, i) => 1_764_000_000_000 + i * 60_000),
      lat: Float64Array.from({ length: n }, (_, i) => 56.95 + Math.sin(i / 90) * 0.004),
      lon: Float64Array.from({ length: n }, (_, i) => 24.11 + Math.cos(i / 90) * 0.007),
      accuracyM: new Float32Array(n).fill(12),
      source: new Uint8Array(n),
    };
    const bytes = encodeTrack(walk).length;
    expect(bytes / n).toBeLessThan(8);
    expect(bytes * 5).toBeLessThan(JSON.stringify(Object.values(walk).map((c) => [...c])).length);
  });

  it('is one track from segments packed apart and laid end to end (packed days, rows between)', () => {
    const whole = track();
    const part = (from: number, to: number) => ({
      at: whole.at.slice(from, to),
      lat: whole.lat.slice(from, to),
      lon: whole.lon.slice(from, to),
      accuracyM: whole.accuracyM.slice(from, to),
      source: whole.source.slice(from, to),
    });
    const data = joinPacked([
      encodeTrack(part(0, 1)),
      encodeTrack(part(1, 1)),
      encodeTrack(part(1, 3)),
    ]);
    expect(unpackTrack({ count: 3, data })).toEqual(unpackTrack(packTrack(whole)));
    expect(() => unpackTrack({ count: 2, data })).toThrow(/more fixes in the data/);
    expect(() => unpackTrack({ count: 3, data: data.subarray(0, data.length - 1) })).toThrow(
      /malformed/,
    );
  });

  it('refuses a track that ends early or runs long, naming where', () => {
    const packed = packTrack(track());
    expect(() => unpackTrack({ ...packed, count: 4 })).toThrow(/for 4 fixes: 3 fixes in the data/);
    expect(() => unpackTrack({ ...packed, count: 2 })).toThrow(/for 2 fixes: more fixes/);
    const cut = packed.data.subarray(0, packed.data.length - 5);
    expect(() => unpackTrack({ ...packed, data: cut })).toThrow(/column 3 runs past the end/);
    expect(() => unpackTrack({ ...packed, data: packed.data.subarray(0, 9) })).toThrow(/no header/);
    // A column whose bytes hold fewer values than there are fixes.
    const short = packed.data.slice();
    new DataView(short.buffer).setUint32(8, 2, true);
    expect(() => unpackTrack({ ...packed, data: short })).toThrow(/malformed/);
  });
});

describe('a track read out of order', () => {
  it('is put in time order, every column and id alike, same-moment fixes kept as read', () => {
    const read = {
      id: ['b', 'a', 'c', 'd'],
      at: Float64Array.from([20, 10, 30, 20]),
      lat: Float64Array.from([2, 1, 3, 4]),
      lon: Float64Array.from([2, 1, 3, 4]),
      accuracyM: Float32Array.from([2, 1, 3, 4]),
      source: Uint8Array.from([2, 1, 3, 0]),
    };
    const sorted = inTimeOrder(read);
    expect(sorted.id).toEqual(['a', 'b', 'd', 'c']);
    expect([...sorted.at]).toEqual([10, 20, 20, 30]);
    expect([...sorted.lat]).toEqual([1, 2, 4, 3]);
    expect([...sorted.source]).toEqual([1, 2, 0, 3]);
  });
});
