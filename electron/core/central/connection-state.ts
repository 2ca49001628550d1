import type { ConnectionState } from '../../../shared/domain/connection';
import type { EventBus } from '../events/event-bus';

/**
 * How often progress (last seq, last event, how far behind) is announced at most. A catch-up
 * receives tens of thousands of events a second; the shell needs a few updates a second, not each.
 */
const PROGRESS_EVERY_MS = 250;

/**
 * Holds the console's standing with the central service and announces it. A change of status or
 * detail is announced at once; progress is coalesced. The shell renders whatever was announced last.
 */
export class ConnectionTracker {
  private state: ConnectionState;
  private pending: NodeJS.Timeout | null = null;
  /** The newest event's arrival and age, held as numbers until the next announcement. */
  private received: { atMs: number; behindMs: number | null } | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => Date,
    central: string | null,
  ) {
    this.state = {
      status: central === null ? 'not_configured' : 'offline',
      central,
      since: now().toISOString(),
      lastSeq: null,
      lastEventAt: null,
      behindMs: null,
      detail: null,
    };
  }

  get(): ConnectionState {
    this.fold();
    return this.state;
  }

  update(change: Partial<Omit<ConnectionState, 'since'>>): void {
    this.fold();
    const statusChanged = change.status !== undefined && change.status !== this.state.status;
    const detailChanged = change.detail !== undefined && change.detail !== this.state.detail;
    this.state = {
      ...this.state,
      ...change,
      since: statusChanged ? this.now().toISOString() : this.state.since,
    };
    if (statusChanged || detailChanged) this.announce();
    else this.announceSoon();
  }

  /**
   * A stream event arrived at `atMs`; `behindMs` is how old it was (null when live). Called for
   * every event, so it only records numbers unless the status changes.
   */
  eventReceived(atMs: number, behindMs: number | null): void {
    this.received = { atMs, behindMs };
    const status = behindMs === null ? 'connected' : 'catching_up';
    if (status !== this.state.status) this.update({ status });
    else this.announceSoon();
  }

  /** Announces anything still pending now; the timer must not outlive the core. */
  flush(): void {
    if (this.pending) this.announce();
  }

  private fold(): void {
    if (!this.received) return;
    const { atMs, behindMs } = this.received;
    this.received = null;
    this.state = { ...this.state, lastEventAt: new Date(atMs).toISOString(), behindMs };
  }

  private announceSoon(): void {
    this.pending ??= setTimeout(() => this.announce(), PROGRESS_EVERY_MS).unref();
  }

  private announce(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    this.fold();
    this.bus.emit('connection.state', this.state);
  }
}
