import { useEffect, useRef, useState } from 'react';

export const SPEEDS = [1, 10, 60, 600] as const;

/**
 * The replay's clock: the cursor moves in real time times the speed (one second of wall time at
 * 60x is a minute of the window), frame by frame rather than fix by fix, and stops at the end.
 */
export function useReplay(fromMs: number, toMs: number, startAt: number) {
  const clamp = (at: number) => Math.min(Math.max(at, fromMs), toMs);
  const [cursor, setCursorState] = useState(() => clamp(startAt));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(60);
  const at = useRef(cursor);
  const setCursor = (next: number) => {
    at.current = next;
    setCursorState(next);
  };
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const next = Math.min(toMs, at.current + (last === null ? 0 : now - last) * speed);
      last = now;
      at.current = next;
      setCursorState(next);
      if (next >= toMs) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, toMs]);
  return {
    cursor,
    playing,
    speed,
    setSpeed,
    setPlaying,
    moveTo: (next: number) => setCursor(clamp(next)),
  };
}
