import type { FixTuple } from '../../../shared/domain/map';

/** Numbers kept between two reads at most (a reader drains them every few seconds). */
const LIMIT = 400_000;

/**
 * What the soak benchmark asks of the page: how long after the service emitted it each fix was drawn
 * on the map canvas, and each alert was in the queue the page shows (same machine, same clock: a fix's
 * time and an alert's raisedAt are the moment the simulator emitted them). Off unless the page was
 * opened with `?probe=1`; then `window.sargsProbe.drain()` hands over the samples taken since the
 * last call, each as two numbers: when it was emitted (ms) and how long it took to show (and, as
 * `arrivals`, how long each fix took to reach the page; as `longTasks`, when each task of 50 ms or
 * more began and how long it ran). Nothing is kept when it is off.
 */
class Probe {
  readonly on = new URLSearchParams(location.search).get('probe') === '1';
  private pendingFixes: number[] = [];
  private fixes: number[] = [];
  private arrivals: number[] = [];
  private longTasks: number[] = [];
  private alerts: number[] = [];
  private seenAlerts: Set<string> | null = null;

  constructor() {
    // Tasks of 50 ms or more on the page's main thread: a message from the core waits behind them.
    if (this.on && PerformanceObserver.supportedEntryTypes.includes('longtask'))
      new PerformanceObserver((list) => {
        for (const task of list.getEntries())
          if (this.longTasks.length < LIMIT)
            this.longTasks.push(performance.timeOrigin + task.startTime, task.duration);
      }).observe({ type: 'longtask' });
  }

  /** Fixes just received from the core: their arrival is timed too, to tell the core's share from the drawing's. */
  fixesApplied(fixes: readonly FixTuple[]): void {
    if (!this.on) return;
    const now = Date.now();
    for (const fix of fixes) {
      this.pendingFixes.push(fix[3]);
      if (this.arrivals.length < LIMIT) this.arrivals.push(fix[3], now - fix[3]);
    }
  }

  /** The map canvas has just drawn: every fix applied since the last drawing is on it. */
  drawn(): void {
    if (!this.on || this.pendingFixes.length === 0) return;
    const now = Date.now();
    for (const at of this.pendingFixes)
      if (this.fixes.length < LIMIT) this.fixes.push(at, now - at);
    this.pendingFixes = [];
  }

  /** The queue as the page now shows it; alerts new since the first one count from raisedAt. */
  queueShown(alerts: readonly { id: string; raisedAt: string }[]): void {
    if (!this.on) return;
    const now = Date.now();
    const first = this.seenAlerts === null;
    this.seenAlerts ??= new Set();
    for (const { id, raisedAt } of alerts) {
      if (this.seenAlerts.has(id)) continue;
      this.seenAlerts.add(id);
      const at = Date.parse(raisedAt);
      if (!first && this.alerts.length < LIMIT) this.alerts.push(at, now - at);
    }
  }

  drain(): { fixes: number[]; alerts: number[]; arrivals: number[]; longTasks: number[] } {
    const taken = {
      fixes: this.fixes,
      alerts: this.alerts,
      arrivals: this.arrivals,
      longTasks: this.longTasks,
    };
    this.fixes = [];
    this.alerts = [];
    this.arrivals = [];
    this.longTasks = [];
    return taken;
  }
}

export const probe = new Probe();
if (probe.on) (window as unknown as { sargsProbe: Probe }).sargsProbe = probe;
