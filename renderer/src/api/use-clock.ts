import { useEffect, useState } from 'react';

/** The wall clock, ticking every `periodMs`: for ages, timers and staleness shown on screen. */
export function useClock(periodMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
