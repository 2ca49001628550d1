import { COLOUR_STEPS } from '../../../../shared/timeline/colour';
import { GAP_MS } from '../../../../shared/timeline/merge';
import { worldPixel } from '../map/mercator';

export interface TrackRun {
  /** 0..COLOUR_STEPS-1: where in the window this run lies (the time gradient's step). */
  step: number;
  points: [number, number][];
}

interface Track {
  at: readonly number[];
  lat: readonly number[];
  lon: readonly number[];
}

/**
 * A track as the map draws it at a zoom: runs of one colour step, split at every gap (a stretch
 * over GAP_MS without a fix is never bridged by a line), and within a run only the fixes at least
 * `minPx` screen pixels from the last one kept, then those that bend the line by more than half
 * that (the first and last of a run are always kept).
 * 90 days at a fix a minute are 130,000 fixes; at a city's zoom a few thousand remain.
 */
export function decimateTrack(track: Track, zoom: number, minPx = 1.5): TrackRun[] {
  const n = track.at.length;
  if (n === 0) return [];
  const first = track.at[0]!;
  const span = Math.max(1, track.at[n - 1]! - first);
  const stepOf = (i: number) =>
    Math.min(COLOUR_STEPS - 1, Math.floor(((track.at[i]! - first) / span) * COLOUR_STEPS));
  const runs: TrackRun[] = [];
  let run: TrackRun | null = null;
  let lastX = 0;
  let lastY = 0;
  const keep = (i: number) => {
    run!.points.push([track.lat[i]!, track.lon[i]!]);
    const p = worldPixel(track.lat[i]!, track.lon[i]!, zoom);
    lastX = p.x;
    lastY = p.y;
  };
  for (let i = 0; i < n; i += 1) {
    const gap = i > 0 && track.at[i]! - track.at[i - 1]! > GAP_MS;
    const step = stepOf(i);
    if (run === null || gap || step !== run.step) {
      // A new colour continues from the last fix (no hole in the line); a gap does not.
      const from: [number, number] | null =
        run && !gap ? [track.lat[i - 1]!, track.lon[i - 1]!] : null;
      if (run && run.points.at(-1) !== undefined) {
        const last = run.points.at(-1)!;
        if (last[0] !== track.lat[i - 1] || last[1] !== track.lon[i - 1])
          run.points.push([track.lat[i - 1]!, track.lon[i - 1]!]);
      }
      run = { step, points: from ? [from] : [] };
      runs.push(run);
      keep(i);
      continue;
    }
    const p = worldPixel(track.lat[i]!, track.lon[i]!, zoom);
    if (Math.abs(p.x - lastX) + Math.abs(p.y - lastY) >= minPx) keep(i);
  }
  const last = run!.points.at(-1)!;
  if (last[0] !== track.lat[n - 1] || last[1] !== track.lon[n - 1])
    run!.points.push([track.lat[n - 1]!, track.lon[n - 1]!]);
  if (minPx === 0) return runs;
  return runs.map((r) => ({ step: r.step, points: simplifyRun(r.points, zoom, minPx / 2) }));
}

/**
 * Douglas–Peucker on a run's screen pixels: a fix whose omission moves the drawn line by less than
 * `tolerancePx` is left out. A smooth walk of thousands of fixes keeps the few that bend it.
 */
export function simplifyRun(points: [number, number][], zoom: number, tolerancePx: number) {
  if (points.length < 3) return points;
  const px = points.map(([lat, lon]) => worldPixel(lat, lon, zoom));
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const limit = tolerancePx * tolerancePx;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay, bx, by] = [px[a]!.x, px[a]!.y, px[b]!.x, px[b]!.y];
    const [dx, dy] = [bx - ax, by - ay];
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstAt = -1;
    for (let i = a + 1; i < b; i += 1) {
      const { x, y } = px[i]!;
      const t =
        length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
      const [ex, ey] = [x - (ax + t * dx), y - (ay + t * dy)];
      const d = ex * ex + ey * ey;
      if (d > worst) [worst, worstAt] = [d, i];
    }
    if (worst > limit) {
      keep[worstAt] = 1;
      stack.push([a, worstAt], [worstAt, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Every fix, split only at gaps and colour steps: what the benchmark draws as its baseline. */
export function undecimatedTrack(track: Track): TrackRun[] {
  return decimateTrack(track, 0, 0);
}
