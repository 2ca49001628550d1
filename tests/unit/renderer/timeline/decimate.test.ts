import { describe, expect, it } from 'vitest';
import {
  decimateTrack,
  undecimatedTrack,
} from '../../../../renderer/src/features/timeline/decimate';

const MINUTE = 60_000;

/** A straight walk east, a fix a minute, with a two-hour hole after the 100th fix. */
function walk(n: number) {
  const track = { at: [] as number[], lat: [] as number[], lon: [] as number[] };
  for (let i = 0; i < n; i += 1) {
    track.at.push(i * MINUTE + (i >= 100 ? 120 * MINUTE : 0));
    track.lat.push(56.95);
    track.lon.push(24.1 + i * 0.0005);
  }
  return track;
}

describe('the replay track', () => {
  it('never draws a line across a gap, and keeps every fix when undecimated', () => {
    const track = walk(300);
    const runs = undecimatedTrack(track);
    expect(runs.reduce((n, r) => n + r.points.length, 0)).toBeGreaterThanOrEqual(300);
    // No run holds both the 100th fix and the 101st (two hours apart).
    for (const run of runs) {
      const lons = run.points.map(([, lon]) => lon);
      expect(lons.includes(track.lon[99]!) && lons.includes(track.lon[100]!)).toBe(false);
    }
  });

  it('leaves out what a screen cannot show: fixes a pixel apart at the overview', () => {
    // 300 fixes 35 m apart: at zoom 8 (600 m a pixel) a run needs only its ends.
    const all = undecimatedTrack(walk(300)).reduce((n, r) => n + r.points.length, 0);
    const drawn = decimateTrack(walk(300), 8).reduce((n, r) => n + r.points.length, 0);
    expect(drawn).toBeLessThan(all / 5);
  });

  it('draws a straight stretch with its ends only, whatever the zoom', () => {
    const runs = decimateTrack(walk(300), 15);
    const points = runs.reduce((n, r) => n + r.points.length, 0);
    expect(points).toBeLessThan(2 * runs.length + 2);
    expect(runs[0]!.points[0]).toEqual([56.95, 24.1]);
    expect(runs.at(-1)!.points.at(-1)).toEqual([56.95, 24.1 + 299 * 0.0005]);
  });
});
