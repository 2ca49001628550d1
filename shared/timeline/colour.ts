/** Steps of a track's time gradient: the map and the evidence PDF colour a track alike. */
export const COLOUR_STEPS = 16;

/** Blue (earliest) to red (latest). */
export function timeColour(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const channel = (a: number, b: number) =>
    Math.round(a + (b - a) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0x1f, 0xd6)}${channel(0x5f, 0x27)}${channel(0xd0, 0x28)}`;
}
