/** A trace's renderer main-thread work: what a frame costs, whether or not the display waits. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Milliseconds of main-thread work (scripting, style, layout, paint: every top-level task of the
 * page's renderer main thread) in the trace, from its first to its last event. Frame intervals
 * stop at the display's 16.7 ms once both maps keep up; the work behind them does not.
 */
export function mainThreadBusy(trace: Buffer): { busyMs: number; spanMs: number } {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  // Top-level tasks: `RunTask` in older Chromium, `ThreadControllerImpl::RunTask` under Perfetto.
  // Taken as a union of intervals, so a nested task is not counted twice.
  const spans = events
    .filter(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        e.dur &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .map((e) => [e.ts, e.ts + e.dur!] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) throw new Error('no main-thread tasks in the trace');
  let busy = 0;
  let [from, to] = spans[0]!;
  for (const [a, b] of spans.slice(1)) {
    if (a > to) {
      busy += to - from;
      [from, to] = [a, b];
    } else to = Math.max(to, b);
  }
  busy += to - from;
  return { busyMs: busy / 1000, spanMs: (spans.at(-1)![1] - spans[0]![0]) / 1000 };
}
