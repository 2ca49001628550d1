import { ConsoleApiError } from '../../../shared/api/errors';
import type { SessionState } from '../../../shared/domain/session';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { CentralClient } from './central-client';
import { CentralError, CentralHttp } from './central-http';
import type { Clock } from '../runtime/clock';
import type { ConnectionTracker } from './connection-state';
import { OutboxSender, type Settled } from './outbox-sender';
import type { AppliedBatch } from '../db/packed-batch';
import { z } from 'zod';

const tokenOnlySchema = z.object({ token: z.string().min(1) });

export interface CentralServiceOptions {
  /** Base URL of the central service; null: none (the console shows only its cache). */
  url: string | null;
  store: StoreService;
  connection: ConnectionTracker;
  events: EventBus;
  logError: (message: string, error: unknown) => void;
  /** Stream events now in the cache, and snapshots taken: for the windows' live view. */
  onApplied?: (batch: AppliedBatch) => void;
  onSnapshot?: () => void;
  /** The console's clock: actions are queued and found due by the same one. */
  now?: Clock;
}

/**
 * The operator's session with the central service, and the sync that runs while it is open. A
 * session the service ends (401) sends the operator back to the login screen; the cache stays.
 */
export class CentralService {
  private client: CentralClient | null = null;
  private sender: OutboxSender | null = null;
  private state: SessionState;
  private settledListener: ((settled: Settled) => void) | null = null;

  constructor(private readonly options: CentralServiceOptions) {
    this.state = { operator: null, central: options.url, locked: false, reason: null };
  }

  /** An action was delivered or refused: the shell's list of pending actions changed. */
  onOutboxSettled(listener: (settled: Settled) => void): void {
    this.settledListener = listener;
  }

  session(): SessionState {
    return this.state;
  }

  async login(username: string, password: string): Promise<SessionState> {
    const { url, store, connection, logError } = this.options;
    if (url === null)
      throw new ConsoleApiError('unavailable', 'No central service is configured', undefined, {
        reason: 'no_central',
      });
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
      this.sender = new OutboxSender({
        http: client.http,
        store: store.get(),
        now: this.options.now,
        onSettled: (settled) => this.settledListener?.(settled),
        onUnauthenticated: () =>
          this.signedOut('The central service ended the session: log in again'),
      });
      this.sender.start();
      return this.announce({ operator, central: url, locked: false, reason: null });
    } catch (error) {
      if (error instanceof CentralError && error.status === 401) {
        throw new ConsoleApiError('wrong_credentials', 'Wrong username or password');
      }
      throw new ConsoleApiError('unavailable', (error as Error).message, undefined, {
        reason: 'central_unreachable',
      });
    }
  }

  /**
   * Asks the service whether this password is the operator's, without touching the session in
   * use (the stream and the outbox go on): a session is opened and closed at once.
   */
  async verify(username: string, password: string): Promise<'ok' | 'wrong' | 'unreachable'> {
    if (this.options.url === null) return 'unreachable';
    const http = new CentralHttp(this.options.url);
    try {
      const { token } = await http.request('POST', '/session', tokenOnlySchema, {
        username,
        password,
      });
      http.token = token;
      await http.request('DELETE', '/session', null).catch(() => undefined);
      return 'ok';
    } catch (error) {
      if (error instanceof CentralError && error.status === 401) return 'wrong';
      return 'unreachable';
    }
  }

  /** The signed-in session's HTTP client (for requests outside the outbox), or null. */
  http(): CentralHttp | null {
    return this.client?.http ?? null;
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
    return this.announce({
      operator: null,
      central: this.options.url,
      locked: false,
      reason: null,
    });
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
    this.announce({ operator: null, central: this.options.url, locked: false, reason });
  }

  private announce(state: SessionState): SessionState {
    this.state = state;
    this.options.events.emit('session.changed', state);
    return state;
  }
}
