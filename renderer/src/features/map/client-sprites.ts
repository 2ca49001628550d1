import type { PointState } from './client-index';
import { DARK_PALETTE, type MapPalette } from './map-colors';
import type { Box } from './sprite-frame';

/** The dark theme's client colours (the console's default look). */
export const STATE_COLORS: Record<PointState, string> = DARK_PALETTE.state;

/** Headings are drawn in steps of 360 / HEADING_STEPS degrees (a cue, not a compass). */
const HEADING_STEPS = 16;
const DOT = 6;
const RING = 9;
const TICK_FROM = 7;
const TICK_TO = 14;

/** One look of a client's mark, pre-drawn. */
export interface Sprite {
  /** Which look: state, ring, heading step. */
  key: string;
  image: HTMLCanvasElement;
  /** Device pixels from the client's position to the image's top-left corner. */
  dx: number;
  dy: number;
}

/**
 * A client's mark as a small pre-drawn image per look (state, high-risk ring, heading step),
 * cropped to what it covers and blitted at whole device pixels without scaling: for a
 * software-rasterised canvas that is several times cheaper than filling and stroking arcs, and
 * there are at most 4 × 2 × 17 looks.
 */
export class ClientSprites {
  private readonly cache = new Map<string, Sprite>();

  constructor(
    readonly ratio: number,
    readonly palette: MapPalette,
  ) {}

  /** The look of a client in a state, drawn on first use. */
  look(state: PointState, highRisk: boolean, heading: number | null): Sprite {
    const step =
      heading === null ? -1 : Math.round(heading / (360 / HEADING_STEPS)) % HEADING_STEPS;
    const key = `${state}${highRisk ? 'r' : ''}${step}`;
    let sprite = this.cache.get(key);
    if (!sprite) this.cache.set(key, (sprite = this.render(key, state, highRisk, step)));
    return sprite;
  }

  /** The image of a look handed out before. */
  imageOf(key: string): HTMLCanvasElement {
    const sprite = this.cache.get(key);
    if (!sprite) throw new Error(`No client sprite ${key}`);
    return sprite.image;
  }

  /** Where a look goes for a client at container point (x, y): device pixels, whole. */
  boxAt(sprite: Sprite, x: number, y: number): Box {
    return {
      x: Math.round(x * this.ratio) + sprite.dx,
      y: Math.round(y * this.ratio) + sprite.dy,
      w: sprite.image.width,
      h: sprite.image.height,
    };
  }

  private render(key: string, state: PointState, highRisk: boolean, step: number): Sprite {
    const rad = (step * 2 * Math.PI) / HEADING_STEPS;
    const tick =
      step < 0
        ? null
        : {
            x1: Math.sin(rad) * TICK_FROM,
            y1: -Math.cos(rad) * TICK_FROM,
            x2: Math.sin(rad) * TICK_TO,
            y2: -Math.cos(rad) * TICK_TO,
          };
    // The box the mark covers (in CSS pixels around the position), with a pixel for the lines.
    const reach = (highRisk ? RING : DOT) + 1.5;
    const left = Math.floor(Math.min(-reach, tick ? tick.x2 - 1.5 : 0));
    const right = Math.ceil(Math.max(reach, tick ? tick.x2 + 1.5 : 0));
    const top = Math.floor(Math.min(-reach, tick ? tick.y2 - 1.5 : 0));
    const bottom = Math.ceil(Math.max(reach, tick ? tick.y2 + 1.5 : 0));
    const image = document.createElement('canvas');
    image.width = Math.ceil((right - left) * this.ratio);
    image.height = Math.ceil((bottom - top) * this.ratio);
    const ctx = image.getContext('2d')!;
    ctx.scale(this.ratio, this.ratio);
    ctx.translate(-left, -top);
    const color = this.palette.state[state];
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(0, 0, DOT, 0, Math.PI * 2);
    ctx.fill();
    ctx.lineWidth = 2;
    if (highRisk) {
      ctx.strokeStyle = this.palette.ring;
      ctx.beginPath();
      ctx.arc(0, 0, RING, 0, Math.PI * 2);
      ctx.stroke();
    }
    if (tick) {
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.moveTo(tick.x1, tick.y1);
      ctx.lineTo(tick.x2, tick.y2);
      ctx.stroke();
    }
    return { key, image, dx: Math.round(left * this.ratio), dy: Math.round(top * this.ratio) };
  }
}
