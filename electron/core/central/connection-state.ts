import type { ConnectionState } from '../../../shared/domain/connection';
import type { EventBus } from '../events/event-bus';

/**
 * Holds the console's standing with the central service and announces every change. The central
 * client drives it; the shell renders whatever it last announced.
 */
export class ConnectionTracker {
  private state: ConnectionState;

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
      behind: null,
      detail: null,
    };
  }

  get(): ConnectionState {
    return this.state;
  }

  update(change: Partial<Omit<ConnectionState, 'since'>>): void {
    const statusChanged = change.status !== undefined && change.status !== this.state.status;
    this.state = {
      ...this.state,
      ...change,
      since: statusChanged ? this.now().toISOString() : this.state.since,
    };
    this.bus.emit('connection.state', this.state);
  }
}
