import { COLOUR_STEPS } from '../../../../shared/timeline/colour';
import { GAP_MS } from '../../../../shared/timeline/merge';
import { worldPixel } from '../map/mercator';

export interface TrackRun {
  /** 0..COLOUR_STEPS-1: where in the window this run lies (the time gradient's step). */
  step: number;
  points: [number, number][];
}

interface Track {
  at: ArrayLike<number>;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
}

/** Each fix in Web Mercator at zoom 0 (a zoom's pixels are these times 2^zoom), once per track. */
const projected = new WeakMap<Track, { x: Float64Array; y: Float64Array }>();
function mercator(track: Track): { x: Float64Array; y: Float64Array } {
  let held = projected.get(track);
  if (!held) {
    const n = track.at.length;
    held = { x: new Float64Array(n), y: new Float64Array(n) };
    for (let i = 0; i < n; i += 1) {
      const p = worldPixel(track.lat[i]!, track.lon[i]!, 0);
      held.x[i] = p.x;
      held.y[i] = p.y;
    }
    projected.set(track, held);
  }
  return held;
}

/**
 * Runs of one colour step between gaps, as [from, to] fix indices. A run ends on the first fix of
 * the next colour, so the line goes on without a hole; a gap ends it on the fix before the gap.
 */
function runsOf(track: Track): { step: number; from: number; to: number }[] {
  const n = track.at.length;
  const first = track.at[0]!;
  const span = Math.max(1, track.at[n - 1]! - first);
  const stepOf = (i: number) =>
    Math.min(COLOUR_STEPS - 1, Math.floor(((track.at[i]! - first) / span) * COLOUR_STEPS));
  const runs: { step: number; from: number; to: number }[] = [];
  let from = 0;
  for (let i = 1; i < n; i += 1) {
    if (track.at[i]! - track.at[i - 1]! > GAP_MS) {
      runs.push({ step: stepOf(from), from, to: i - 1 });
      from = i;
    } else if (stepOf(i) !== stepOf(from)) {
      runs.push({ step: stepOf(from), from, to: i });
      from = i;
    }
  }
  runs.push({ step: stepOf(from), from, to: n - 1 });
  return runs;
}

/**
 * A track as the map draws it at a zoom: runs of one colour step, split at every gap (a stretch
 * over GAP_MS without a fix is never bridged by a line); within a run, a fix closer than `minPx`
 * screen pixels to the last one kept is dropped, then Douglas–Peucker drops those that move the
 * line by less than half that (the first and last of a run are always kept). 90 days at a fix a
 * minute are 130,000 fixes; at a city's zoom some thousands remain. Projection is done once per
 * track, so a zoom's decimation is arithmetic on typed arrays.
 */
export function decimateTrack(track: Track, zoom: number, minPx = 1.5): TrackRun[] {
  if (track.at.length === 0) return [];
  const { x, y } = mercator(track);
  const scale = 2 ** zoom; // zoom 0 pixels (a 256-pixel world) times 2^zoom
  const out: TrackRun[] = [];
  const kept: number[] = [];
  for (const run of runsOf(track)) {
    kept.length = 0;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    // Scalars only in the loops below: they run over every fix, cold, on the first opening.
    for (let i = run.from; i <= run.to; i += 1) {
      const px = x[i]! * scale;
      const py = y[i]! * scale;
      if (i !== run.to && Math.abs(px - lastX) + Math.abs(py - lastY) < minPx) continue;
      kept.push(i);
      lastX = px;
      lastY = py;
    }
    const points = minPx > 0 ? simplify(kept, x, y, scale, minPx / 2) : kept;
    out.push({ step: run.step, points: points.map((i) => [track.lat[i]!, track.lon[i]!]) });
  }
  return out;
}

/** Douglas–Peucker over fix indices, distances in pixels at `scale`. */
function simplify(
  indices: readonly number[],
  x: Float64Array,
  y: Float64Array,
  scale: number,
  tolerancePx: number,
): number[] {
  const n = indices.length;
  if (n < 3) return [...indices];
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const limit = (tolerancePx / scale) ** 2;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const ax = x[indices[a]!]!;
    const ay = y[indices[a]!]!;
    const dx = x[indices[b]!]! - ax;
    const dy = y[indices[b]!]! - ay;
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstAt = -1;
    for (let k = a + 1; k < b; k += 1) {
      const px = x[indices[k]!]! - ax;
      const py = y[indices[k]!]! - ay;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d = ex * ex + ey * ey;
      if (d > worst) {
        worst = d;
        worstAt = k;
      }
    }
    if (worst > limit) {
      keep[worstAt] = 1;
      stack.push(a, worstAt, worstAt, b);
    }
  }
  return indices.filter((_, k) => keep[k] === 1);
}

/** Every fix, split only at gaps and colour steps: what the benchmark draws as its baseline. */
export function undecimatedTrack(track: Track): TrackRun[] {
  return decimateTrack(track, 0, 0);
}
