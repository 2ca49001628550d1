import { ConsoleApiError } from '../../../shared/api/errors';
import type { SessionState } from '../../../shared/domain/session';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { CentralClient } from './central-client';
import { CentralError } from './central-http';
import type { ConnectionTracker } from './connection-state';
import { OutboxSender, type Settled } from './outbox-sender';
import type { StoredEvent } from '../db/apply-events';

export interface CentralServiceOptions {
  /** Base URL of the central service; null: none (the console shows only its cache). */
  url: string | null;
  store: StoreService;
  connection: ConnectionTracker;
  events: EventBus;
  logError: (message: string, error: unknown) => void;
  /** An action was delivered or refused: the shell's list of pending actions changed. */
  onOutboxSettled?: (settled: Settled) => void;
  /** Stream events now in the cache, and snapshots taken: for the windows' live view. */
  onApplied?: (events: readonly StoredEvent[]) => void;
  onSnapshot?: () => void;
  /** The console's clock: actions are queued and found due by the same one. */
  now?: () => Date;
}

/**
 * The operator's session with the central service, and the sync that runs while it is open. A
 * session the service ends (401) sends the operator back to the login screen; the cache stays.
 */
export class CentralService {
  private client: CentralClient | null = null;
  private sender: OutboxSender | null = null;
  private state: SessionState;

  constructor(private readonly options: CentralServiceOptions) {
    this.state = { operator: null, central: options.url, reason: null };
  }

  session(): SessionState {
    return this.state;
  }

  async login(username: string, password: string): Promise<SessionState> {
    const { url, store, connection, logError } = this.options;
    if (url === null) throw new ConsoleApiError('unavailable', 'No central service is configured');
    await this.stopSync();
    const client = new CentralClient({
      baseUrl: url,
      store: store.get(),
      connection,
      logError,
      onUnauthenticated: () =>
        this.signedOut('The central service ended the session: log in again'),
      onApplied: this.options.onApplied,
      onSnapshot: this.options.onSnapshot,
    });
    try {
      const operator = await client.login(username, password);
      this.client = client;
      client.start();
      // Unsent actions from an earlier session (or before a restart) go out now.
      const clock = this.options.now;
      this.sender = new OutboxSender({
        http: client.http,
        store: store.get(),
        now: clock && (() => clock().getTime()),
        onSettled: (settled) => this.options.onOutboxSettled?.(settled),
        onUnauthenticated: () =>
          this.signedOut('The central service ended the session: log in again'),
      });
      this.sender.start();
      return this.announce({ operator, central: url, reason: null });
    } catch (error) {
      if (error instanceof CentralError && error.status === 401) {
        throw new ConsoleApiError('unauthenticated', 'Wrong username or password');
      }
      throw new ConsoleApiError('unavailable', (error as Error).message);
    }
  }

  /** Sends queued actions now instead of at the sender's next tick (if signed in). */
  sendSoon(): void {
    void this.sender?.flush();
  }

  async logout(): Promise<SessionState> {
    await this.sender?.stop();
    this.sender = null;
    await this.client?.logout();
    this.client = null;
    return this.announce({ operator: null, central: this.options.url, reason: null });
  }

  async close(): Promise<void> {
    await this.stopSync();
  }

  private async stopSync(): Promise<void> {
    await this.sender?.stop();
    await this.client?.stop();
    this.sender = null;
    this.client = null;
  }

  /** The service ended the session: sync pauses, queued actions stay for the next sign-in. */
  private signedOut(reason: string): void {
    void this.stopSync();
    this.announce({ operator: null, central: this.options.url, reason });
  }

  private announce(state: SessionState): SessionState {
    this.state = state;
    this.options.events.emit('session.changed', state);
    return state;
  }
}
