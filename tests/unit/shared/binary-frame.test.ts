import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, holdsBytes } from '../../../shared/api/binary-frame';

const bufferOf = (frame: Uint8Array): ArrayBuffer => frame.slice().buffer;

describe('the binary frame of the headless bridge', () => {
  it('carries JSON values and every Uint8Array, wherever it sits, byte for byte', () => {
    const value = {
      name: 'Bērziņš',
      track: { count: 3, data: Uint8Array.from([0, 1, 255]) },
      list: [{ data: new Uint8Array(0) }, { data: Uint8Array.from([7, 8]) }, 4, null],
    };
    expect(decodeFrame(bufferOf(encodeFrame(value)))).toEqual(value);
  });

  it('sends only the bytes a view shows, not the rest of its buffer', () => {
    const backing = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    const frame = encodeFrame({ data: backing.subarray(2, 4) });
    expect(decodeFrame(bufferOf(frame))).toEqual({ data: Uint8Array.from([3, 4]) });
    expect(frame.byteLength).toBeLessThan(4 + 40 + 3);
  });

  it('is needed only where an answer holds bytes', () => {
    expect(holdsBytes({ a: [1, { b: 'x' }], c: null })).toBe(false);
    expect(holdsBytes({ a: [1, { b: new Uint8Array(1) }] })).toBe(true);
    expect(holdsBytes({ at: new Float64Array(2) })).toBe(false);
    expect(holdsBytes(null)).toBe(false);
  });

  it('refuses a frame that is cut short or points past its end', () => {
    const frame = encodeFrame({ data: Uint8Array.from([1, 2, 3]) });
    expect(() => decodeFrame(new ArrayBuffer(2))).toThrow(/shorter than its header/);
    expect(() => decodeFrame(bufferOf(frame.subarray(0, 10)))).toThrow(/JSON runs past the end/);
    expect(() => decodeFrame(bufferOf(frame.subarray(0, frame.byteLength - 1)))).toThrow(
      /bytes at 0 \(3\) run past the end/,
    );
  });
});
