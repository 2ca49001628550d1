import type { Unsubscribe } from '../../../shared/api/console-api';
import type { EventName, EventPayload } from '../../../shared/api/registry';

/** An event that means "load again": every one of its kind, or only those `when` says concern us. */
export type Trigger =
  | EventName
  | { [E in EventName]: { event: E; when(payload: EventPayload<E>): boolean } }[EventName];

export interface LiveState<T> {
  /** The last value loaded; kept while a reload runs or after one fails. */
  value: T | null;
  /** Why the last load failed; null once a load succeeds. */
  error: unknown;
  loading: boolean;
}

type Listen = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => Unsubscribe;

/**
 * "Call this, and keep it fresh on these events": loads once at start, again on each trigger (and
 * every `everyMs`, for what no event announces). Loads never overlap, and a trigger during a load
 * loads once more after it, so the last word always lands. A failed load is kept as `error`,
 * never thrown: nothing the page fetches can end as an unhandled rejection.
 */
export class LiveQuery<T> {
  private state: LiveState<T> = { value: null, error: null, loading: true };
  private readonly listeners = new Set<() => void>();
  private offs: Unsubscribe[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly triggers: readonly Trigger[],
    private readonly listen: Listen,
    private readonly everyMs: number | null = null,
  ) {}

  /** Starts listening and loading; a query stopped and started again (React's strict mode) goes on. */
  start(): void {
    this.stopped = false;
    this.offs = this.triggers.map((trigger) =>
      typeof trigger === 'string'
        ? this.listen(trigger, () => this.reload())
        : this.listen(trigger.event, (payload) => {
            if ((trigger.when as (p: unknown) => boolean)(payload)) this.reload();
          }),
    );
    if (this.everyMs !== null) this.timer = setInterval(() => this.reload(), this.everyMs);
    this.reload();
  }

  stop(): void {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get(): LiveState<T> {
    return this.state;
  }

  subscribe(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reload(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        this.set({ ...this.state, loading: true });
        try {
          const value = await this.load();
          if (!this.stopped) this.set({ value, error: null, loading: false });
        } catch (error) {
          if (!this.stopped) this.set({ ...this.state, error, loading: false });
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private set(next: LiveState<T>): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
