import { ConsoleApiError } from '../../../shared/api/errors';
import type { SessionState } from '../../../shared/domain/session';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { CentralClient } from './central-client';
import { CentralError } from './central-http';
import type { ConnectionTracker } from './connection-state';

export interface CentralServiceOptions {
  /** Base URL of the central service; null: none (the console shows only its cache). */
  url: string | null;
  store: StoreService;
  connection: ConnectionTracker;
  events: EventBus;
  logError: (message: string, error: unknown) => void;
}

/**
 * The operator's session with the central service, and the sync that runs while it is open. A
 * session the service ends (401) sends the operator back to the login screen; the cache stays.
 */
export class CentralService {
  private client: CentralClient | null = null;
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
    await this.client?.stop();
    const client = new CentralClient({
      baseUrl: url,
      store: store.get(),
      connection,
      logError,
      onUnauthenticated: () =>
        this.signedOut('The central service ended the session: log in again'),
    });
    try {
      const operator = await client.login(username, password);
      this.client = client;
      client.start();
      return this.announce({ operator, central: url, reason: null });
    } catch (error) {
      if (error instanceof CentralError && error.status === 401) {
        throw new ConsoleApiError('unauthenticated', 'Wrong username or password');
      }
      throw new ConsoleApiError('unavailable', (error as Error).message);
    }
  }

  async logout(): Promise<SessionState> {
    await this.client?.logout();
    this.client = null;
    return this.announce({ operator: null, central: this.options.url, reason: null });
  }

  async close(): Promise<void> {
    await this.client?.stop();
  }

  private signedOut(reason: string): void {
    this.client = null;
    this.announce({ operator: null, central: this.options.url, reason });
  }

  private announce(state: SessionState): SessionState {
    this.state = state;
    this.options.events.emit('session.changed', state);
    return state;
  }
}
