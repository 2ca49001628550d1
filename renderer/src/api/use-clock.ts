import { useSyncExternalStore } from 'react';

/**
 * One timer per period, shared by every clock of that period: they all tick in the same task, so
 * React renders them together, and only the parts that read the clock render. A page that held
 * the clock itself re-rendered in full every second (the alert queue, under load, for its timers).
 */
class Ticker {
  private now = Date.now();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly periodMs: number) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => {
        this.now = Date.now();
        for (const notify of this.listeners) notify();
      }, this.periodMs);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0 || !this.timer) return;
      clearInterval(this.timer);
      this.timer = null;
    };
  };

  /** The last tick; while nobody listens, the time is taken afresh once a period has passed. */
  readonly read = (): number => {
    if (!this.timer && Date.now() - this.now >= this.periodMs) this.now = Date.now();
    return this.now;
  };
}

const tickers = new Map<number, Ticker>();

/** The wall clock, ticking every `periodMs`: for ages, timers and staleness shown on screen. */
export function useClock(periodMs: number): number {
  let ticker = tickers.get(periodMs);
  if (!ticker) tickers.set(periodMs, (ticker = new Ticker(periodMs)));
  return useSyncExternalStore(ticker.subscribe, ticker.read);
}
