import { describe, expect, it } from 'vitest';
import {
  SpriteFrame,
  type Box,
  type Placed,
} from '../../../../renderer/src/features/map/sprite-frame';

// A canvas as a grid of numbers: each sprite paints its box with a number for its id and look, the
// later over the earlier. What the layer does with a real canvas (clip to the dirty boxes, clear
// them, draw again what meets them) is done here on the grid, and compared with a grid painted
// whole from the frame: the two must be the same after any run of moves.

const W = 300;
const H = 200;
const SIZES: Record<string, [number, number]> = { ok: [13, 13], alert: [19, 19], tick: [17, 29] };
const KEYS = Object.keys(SIZES);

const paint = (pixels: Int32Array, sprite: Placed, clip?: (x: number, y: number) => boolean) => {
  const value = (Number(sprite.id.slice(1)) + 1) * 8 + KEYS.indexOf(sprite.key);
  for (let y = Math.max(0, sprite.y); y < Math.min(H, sprite.y + sprite.h); y += 1)
    for (let x = Math.max(0, sprite.x); x < Math.min(W, sprite.x + sprite.w); x += 1)
      if (!clip || clip(x, y)) pixels[y * W + x] = value;
};

const whole = (frame: SpriteFrame): Int32Array => {
  const pixels = new Int32Array(W * H);
  for (const sprite of [...frame.all()].sort((a, b) => a.order - b.order)) paint(pixels, sprite);
  return pixels;
};

const inside = (boxes: readonly Box[]) => (x: number, y: number) =>
  boxes.some((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);

/** What ClientLayer.drawChanges does to its canvas, on the grid. */
const redrawDirty = (pixels: Int32Array, frame: SpriteFrame, dirty: readonly Box[]): number => {
  const clip = inside(dirty);
  for (let y = 0; y < H; y += 1)
    for (let x = 0; x < W; x += 1) if (clip(x, y)) pixels[y * W + x] = 0;
  const drawn = frame.under(dirty);
  for (const sprite of drawn) paint(pixels, sprite, clip);
  return drawn.length;
};

/** A small deterministic generator (the test must fail the same way every run). */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const boxOf = (key: string, x: number, y: number): Box => {
  const [w, h] = SIZES[key]!;
  return { x: Math.round(x) - Math.floor(w / 2), y: Math.round(y) - Math.floor(h / 2), w, h };
};

describe('SpriteFrame', () => {
  it('redrawing only the dirty boxes leaves the canvas as a whole redraw does, however sprites move', () => {
    const next = random(7);
    const frame = new SpriteFrame();
    const unused: Box[] = [];
    // A crowded street view: 400 sprites on 300 × 200 pixels, many overlapping, some half off it.
    for (let i = 0; i < 400; i += 1) {
      const key = KEYS[i % 3]!;
      frame.put(
        `c${i}`,
        key,
        boxOf(key, next() * (W + 20) - 10, next() * (H + 20) - 10),
        i,
        unused,
      );
    }
    const pixels = whole(frame);
    let redrawn = 0;
    for (let round = 0; round < 60; round += 1) {
      const dirty: Box[] = [];
      for (let k = 0; k < 8; k += 1) {
        // Each client's place in the stacking is fixed: one leaving the view and coming back
        // goes back under the same neighbours.
        const n = Math.floor(next() * 420);
        const id = `c${n}`;
        const held = frame.get(id);
        const roll = next();
        if (held && roll < 0.1) frame.remove(id, dirty);
        else if (held && roll < 0.3)
          // A new look in the same place: an alert raised, a fix gone stale.
          frame.put(id, KEYS[(KEYS.indexOf(held.key) + 1) % 3]!, { ...held }, n, dirty);
        else {
          const key = held?.key ?? 'ok';
          const x = (held?.x ?? next() * W) + (next() - 0.5) * 30;
          const y = (held?.y ?? next() * H) + (next() - 0.5) * 30;
          frame.put(id, key, boxOf(key, x, y), n, dirty);
        }
      }
      redrawn += redrawDirty(pixels, frame, dirty);
      expect(pixels).toEqual(whole(frame));
    }
    // Far fewer sprites drawn than whole frames would draw.
    expect(redrawn).toBeLessThan((60 * frame.size) / 4);
  });

  it('nothing is dirty when a sprite is put again as it is; a move dirties where it was and is', () => {
    const frame = new SpriteFrame();
    const dirty: Box[] = [];
    frame.put('a', 'ok', { x: 10, y: 10, w: 13, h: 13 }, 0, dirty);
    frame.put('b', 'ok', { x: 100, y: 100, w: 13, h: 13 }, 1, dirty);
    dirty.length = 0;
    frame.put('a', 'ok', { x: 10, y: 10, w: 13, h: 13 }, 0, dirty);
    expect(dirty).toEqual([]);
    frame.put('a', 'ok', { x: 95, y: 95, w: 13, h: 13 }, 0, dirty);
    expect(dirty).toEqual([
      { x: 10, y: 10, w: 13, h: 13 },
      { x: 95, y: 95, w: 13, h: 13 },
    ]);
    // Drawn in the order of their stacking: b over a.
    expect(frame.under(dirty).map((p) => p.id)).toEqual(['a', 'b']);
    expect(frame.under([{ x: 0, y: 0, w: 30, h: 30 }])).toEqual([]);
  });

  it('finds sprites left of and above the canvas (the view is drawn with a margin)', () => {
    const frame = new SpriteFrame();
    const dirty: Box[] = [];
    frame.put('a', 'ok', { x: -40, y: -70, w: 13, h: 13 }, 0, dirty);
    expect(frame.under([{ x: -35, y: -65, w: 2, h: 2 }]).map((p) => p.id)).toEqual(['a']);
    frame.remove('a', dirty);
    expect(frame.under([{ x: -35, y: -65, w: 2, h: 2 }])).toEqual([]);
    expect(frame.size).toBe(0);
  });
});
