import { describe, expect, it } from 'vitest';
import {
  dropReasons,
  encodeSentence,
  LineSplitter,
  type Decoded,
} from '../../../../../electron/core/stations/codec';
import { stationEventCodes } from '../../../../../shared/stations/sentences';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random valid sentence of any type a station sends. */
function validLine(r: () => number): string {
  const int = (n: number) => Math.floor(r() * n);
  const tag = `TAG-${int(100000)}`;
  switch (int(6)) {
    case 0:
      return encodeSentence(['SBS', int(1e6), int(2), int(101), int(32), int(2), int(60) - 10]);
    case 1:
      return encodeSentence([
        'SBH',
        tag,
        -int(120),
        int(101),
        ['OK', 'OPEN', 'CUT'][int(3)]!,
        int(1e6),
      ]);
    case 2:
      return encodeSentence([
        'SBE',
        stationEventCodes[int(10)]!,
        r() < 0.5 ? '-' : tag,
        `d${int(99)}`,
      ]);
    case 3:
      return encodeSentence([
        'SBA',
        1 + int(65535),
        ...Array.from({ length: int(6) }, () => `f${int(999)}`),
      ]);
    case 4:
      return encodeSentence(['SBN', 1 + int(65535), 'E_FULL', 'already 4 tags paired']);
    default:
      return encodeSentence(['SBI', 'HMU-200', `HMU2-${int(999999)}`, '2.4.1', 'B3', '1']);
  }
}

/** The same line damaged the ways a serial line damages: a flipped, lost, extra or cut byte. */
function mutate(line: string, r: () => number): string {
  const at = Math.floor(r() * line.length);
  const byte = String.fromCharCode(Math.floor(r() * 256));
  switch (Math.floor(r() * 6)) {
    case 0:
      return line.slice(0, at) + byte + line.slice(at + 1);
    case 1:
      return line.slice(0, at) + line.slice(at + 1);
    case 2:
      return line.slice(0, at) + byte + line.slice(at);
    case 3:
      return line.slice(0, at) + '\r\n';
    case 4:
      return line.slice(0, -2) + 'x'.repeat(Math.floor(r() * 300)) + '\r\n';
    default: {
      let noise = '';
      for (let i = 0; i < 1 + Math.floor(r() * 120); i++)
        noise += String.fromCharCode(Math.floor(r() * 256));
      return noise + '\n';
    }
  }
}

const LINES = 1_000_000;

describe('the codec under a million random and damaged lines', () => {
  it('never throws, counts every bad line, decodes every good one, whatever the chunking', () => {
    const r = rng(20261130);
    const good: string[] = [];
    const stream: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const line = validLine(r);
      // Two lines in three arrive intact; the third is damaged.
      if (r() < 2 / 3) {
        good.push(line.slice(0, -2));
        stream.push(line);
      } else stream.push(mutate(line, r));
    }
    const text = stream.join('');

    const run = (chunkOf: () => number) => {
      const decoded: string[] = [];
      const counts = Object.fromEntries(dropReasons.map((reason) => [reason, 0]));
      let reports = 0;
      const splitter = new LineSplitter({
        line: (result: Decoded, raw) => {
          reports++;
          if (result.ok) decoded.push(raw);
          else counts[result.reason]!++;
        },
      });
      for (let i = 0; i < text.length;) {
        const n = chunkOf();
        splitter.push(Buffer.from(text.slice(i, i + n), 'latin1'));
        i += n;
      }
      return { decoded, counts, reports };
    };

    const whole = run(() => text.length);
    const chunked = run(() => 1 + Math.floor(r() * 700));
    // Every intact line came through, in order (a damaged one may, rarely, still be valid).
    let next = 0;
    for (const line of whole.decoded) if (line === good[next]) next++;
    expect(next).toBe(good.length);
    const bad = Object.values(whole.counts).reduce((a, b) => a + b, 0);
    expect(bad).toBeGreaterThan(LINES / 4);
    expect(whole.decoded.length + bad).toBe(whole.reports);
    // Where the bytes were cut into chunks changes nothing.
    expect(chunked.decoded).toEqual(whole.decoded);
    expect(chunked.counts).toEqual(whole.counts);
  }, 120_000);
});
