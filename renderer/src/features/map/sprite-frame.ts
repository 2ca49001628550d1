/** A rectangle in the canvas's device pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One sprite as it is on the canvas: which look (`key`), where, and its place in the stacking. */
export interface Placed extends Box {
  id: string;
  key: string;
  order: number;
}

/** Grid cells of this many device pixels index the sprites by where they are. */
const CELL = 64;
/** Cell coordinates are offset so that sprites a little left of or above the canvas still index. */
const OFFSET = 1 << 10;

const meets = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * What the clients' canvas holds: every sprite drawn on it, where and in what order, indexed by a
 * grid. A fix then redraws only what it changed: the sprite's old and new boxes are cleared and
 * every sprite meeting them drawn again, in the same order, so the canvas ends up as a full
 * redraw would leave it. With ~2,300 clients in a street view and ~25 of them moving per update,
 * that is some 200 sprites drawn instead of 2,300 (the soak's map page spent 40–150 ms a frame
 * drawing and rasterising all of them, ten times a second).
 */
export class SpriteFrame {
  private readonly placed = new Map<string, Placed>();
  private readonly cells = new Map<number, Set<Placed>>();

  get size(): number {
    return this.placed.size;
  }

  /** Forgets everything: the canvas is about to be drawn whole. */
  clear(): void {
    this.placed.clear();
    this.cells.clear();
  }

  get(id: string): Placed | undefined {
    return this.placed.get(id);
  }

  all(): IterableIterator<Placed> {
    return this.placed.values();
  }

  /**
   * Puts a sprite at a box, or moves or changes the one there. What changed on the canvas is
   * added to `dirty` (the old and the new box); nothing is added when nothing changed. `order` is
   * its place in the stacking, the same in every frame (a whole frame draws in that order).
   */
  put(id: string, key: string, box: Box, order: number, dirty: Box[]): void {
    const held = this.placed.get(id);
    if (held) {
      if (held.key === key && held.x === box.x && held.y === box.y) return;
      dirty.push({ x: held.x, y: held.y, w: held.w, h: held.h });
      this.unindex(held);
      Object.assign(held, box, { key });
      this.index(held);
    } else {
      const placed = { id, key, ...box, order };
      this.placed.set(id, placed);
      this.index(placed);
    }
    dirty.push({ ...box });
  }

  /** Takes a sprite off (its client left the view); its box becomes dirty. */
  remove(id: string, dirty: Box[]): void {
    const held = this.placed.get(id);
    if (!held) return;
    dirty.push({ x: held.x, y: held.y, w: held.w, h: held.h });
    this.unindex(held);
    this.placed.delete(id);
  }

  /** Every sprite meeting any of the boxes, in drawing order. */
  under(boxes: readonly Box[]): Placed[] {
    const found = new Set<Placed>();
    for (const box of boxes)
      this.eachCell(box, (key) => {
        for (const placed of this.cells.get(key) ?? [])
          if (!found.has(placed) && meets(placed, box)) found.add(placed);
      });
    return [...found].sort((a, b) => a.order - b.order);
  }

  private index(placed: Placed): void {
    this.eachCell(placed, (key) => {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Set()));
      cell.add(placed);
    });
  }

  private unindex(placed: Placed): void {
    this.eachCell(placed, (key) => {
      const cell = this.cells.get(key);
      cell?.delete(placed);
      if (cell?.size === 0) this.cells.delete(key);
    });
  }

  private eachCell(box: Box, visit: (key: number) => void): void {
    const x0 = Math.floor(box.x / CELL) + OFFSET;
    const x1 = Math.floor((box.x + box.w - 1) / CELL) + OFFSET;
    const y0 = Math.floor(box.y / CELL) + OFFSET;
    const y1 = Math.floor((box.y + box.h - 1) / CELL) + OFFSET;
    for (let cx = x0; cx <= x1; cx += 1)
      for (let cy = y0; cy <= y1; cy += 1) visit(cx * 4 * OFFSET + cy);
  }
}
