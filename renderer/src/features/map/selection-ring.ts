import type { Box } from './sprite-frame';

/** The selected client's ring: its radius and line, in CSS pixels. */
const RING_RADIUS = 13;
const RING_WIDTH = 3;

/**
 * The ring's centre in device pixels for a client at container point (x, y): whole pixels, as
 * the client's mark is, so that it is the same in every frame.
 */
export function ringCentre(x: number, y: number, ratio: number): { x: number; y: number } {
  return { x: Math.round(x * ratio), y: Math.round(y * ratio) };
}

/** The device pixels a ring around a centre covers. */
export function ringBox(centre: { x: number; y: number }, ratio: number): Box {
  const reach = Math.ceil((RING_RADIUS + RING_WIDTH) * ratio) + 1;
  return { x: centre.x - reach, y: centre.y - reach, w: 2 * reach, h: 2 * reach };
}

/** Strokes the ring around a centre (device pixels). */
export function strokeRing(
  ctx: CanvasRenderingContext2D,
  centre: { x: number; y: number },
  ratio: number,
  colour: string,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.strokeStyle = colour;
  ctx.lineWidth = RING_WIDTH * ratio;
  ctx.beginPath();
  ctx.arc(centre.x, centre.y, RING_RADIUS * ratio, 0, Math.PI * 2);
  ctx.stroke();
}
