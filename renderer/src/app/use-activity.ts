import { useEffect } from 'react';
import { api } from '../api';

/** Input within this of the last report is not reported again: the lock counts minutes. */
const REPORT_EVERY_MS = 15_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Tells the core that the operator is at the console, so its idle lock starts counting again.
 * The core decides when to lock; the page only reports input (never its own timers or events).
 */
export function useActivityReports(): void {
  useEffect(() => {
    let last = 0;
    const report = (): void => {
      const now = Date.now();
      if (now - last < REPORT_EVERY_MS) return;
      last = now;
      api.session.activity().catch(() => undefined);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, report, { passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, report);
    };
  }, []);
}
