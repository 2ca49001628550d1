import { isLocalAlert } from '../alerts/local-alerts';
import { recentShifts } from './recent-shifts';
import { z } from 'zod';
import { systemClock, type Clock } from '../runtime/clock';
import { operatorSchema, type Alert, type Operator } from '../../../shared/central/records';
import type { StaleAlert } from '../db/apply-events';
import { IngestQueue } from '../db/ingest-queue';
import { newestFixes, type AppliedBatch } from '../db/packed-batch';
import type { Store } from '../db/store';
import { Backoff } from './backoff';
import { CentralError, CentralHttp, malformedAnswer } from './central-http';
import type { ConnectionTracker } from './connection-state';
import { fetchAlert } from './fetch-alert';
import { openStream, type StreamConnection } from './stream-connection';

const sessionSchema = z.object({
  token: z.string().min(1),
  operator: operatorSchema,
  expiresAt: z.string(),
});

/** An event older than this (by its `at`) means the console is still catching up. */
const LIVE_WITHIN_MS = 10_000;

export interface CentralClientOptions {
  baseUrl: string;
  store: Store;
  connection: ConnectionTracker;
  logError: (message: string, error: unknown) => void;
  now?: Clock;
  silenceMs?: number;
  backoff?: Backoff;
  /** Called when the service no longer accepts the session (401): the operator must log in. */
  onUnauthenticated?: () => void;
  /** Events now in the cache (their transaction committed); for the windows' live view. */
  onApplied?: (batch: AppliedBatch) => void;
  /** The cache took a snapshot. */
  onSnapshot?: () => void;
}

/**
 * Keeps the cache in step with the central service: a snapshot when the cache is empty or the
 * service says `reset`, otherwise the stream resumed from the stored cursor. Events go through
 * the ingest queue into the store (de-duplicated by seq, records by version). Reconnects with
 * backoff; a 429's Retry-After is respected.
 */
export class CentralClient {
  readonly http: CentralHttp;
  readonly stats = { malformed: 0, reconnects: 0, snapshots: 0 };
  private operator: Operator | null = null;
  private stream: StreamConnection | null = null;
  private running = false;
  private needSnapshot = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly backoff: Backoff;
  private readonly now: () => number;

  constructor(private readonly options: CentralClientOptions) {
    this.http = new CentralHttp(options.baseUrl);
    this.backoff = options.backoff ?? new Backoff();
    const clock = options.now ?? systemClock;
    this.now = () => clock().getTime();
  }

  get signedIn(): Operator | null {
    return this.operator;
  }

  /** Opens a session; the token stays in memory only. */
  async login(username: string, password: string): Promise<Operator> {
    const session = await this.http.request('POST', '/session', sessionSchema, {
      username,
      password,
    });
    this.http.token = session.token;
    this.operator = session.operator;
    return session.operator;
  }

  async logout(): Promise<void> {
    await this.stop();
    await this.http.request('DELETE', '/session', null).catch(() => undefined);
    this.http.token = null;
    this.operator = null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stream?.close();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { connection } = this.options;
    while (this.running) {
      let delayMs: number;
      try {
        connection.update({ status: 'connecting', detail: null });
        const { cursor, fresh } = await this.prepareCursor();
        // stop() may have come while the snapshot loaded: there was no stream to close then.
        if (!this.running) break;
        const outcome = await this.follow(cursor, fresh);
        if (outcome === 'reset') continue;
        delayMs = this.backoff.next();
      } catch (error) {
        if (error instanceof CentralError && error.status === 401) {
          this.unauthenticated();
          return;
        }
        this.options.logError(`central service: ${(error as Error).message}`, error);
        connection.update({ status: 'offline', detail: (error as Error).message });
        delayMs =
          error instanceof CentralError && error.retryAfterS !== null
            ? error.retryAfterS * 1000
            : this.backoff.next();
      }
      if (this.running) await this.sleep(delayMs);
    }
  }

  /** The seq to resume after: the stored cursor, or a fresh snapshot's. */
  private async prepareCursor(): Promise<{ cursor: number; fresh: boolean }> {
    const { store, connection } = this.options;
    const cursor = await store.cursor();
    if (cursor > 0 && !this.needSnapshot) return { cursor, fresh: false };
    connection.update({ status: 'catching_up', detail: 'loading a snapshot' });
    // The wall clock, as the cache stamps zones with it (not the console's clock, which a
    // training run may set elsewhere).
    const askedAtMs = Date.now();
    // Parsed and checked in the store's worker, where it is applied: see snapshot-staging.ts.
    const staged = await store.stageSnapshot(await this.http.bytes('GET', '/snapshot'));
    if (!staged.ok) throw malformedAnswer('GET', '/snapshot', staged.problem);
    try {
      // Alerts resolved while the console was away are fetched first, so that they land in the
      // same transaction as the snapshot: nobody sees them as ghosts in between.
      const resolved = await this.resolvedMeanwhile(staged.stale);
      // Shifts first: the snapshot moves the cursor, and a console at the cursor is caught up.
      await store.applyRecords(await recentShifts(this.http, this.now()));
      await store.applyStagedSnapshot(resolved, askedAtMs);
    } catch (error) {
      await store.dropStagedSnapshot().catch(() => undefined);
      throw error;
    }
    this.options.onSnapshot?.();
    this.stats.snapshots += 1;
    this.needSnapshot = false;
    // The snapshot is as fresh as data gets: it counts as the last thing received.
    connection.update({ lastSeq: staged.seq, lastEventAt: new Date(this.now()).toISOString() });
    return { cursor: staged.seq, fresh: true };
  }

  /**
   * The present state of alerts a snapshot no longer lists as open (resolved while the console
   * was away). One the service cannot find stays as it is: never dropped unseen.
   */
  private async resolvedMeanwhile(stale: StaleAlert[]): Promise<Alert[]> {
    const found: Alert[] = [];
    for (const alert of stale) {
      // This console's own alerts (a receiver's, against a 1.0 service) are not the service's.
      if (isLocalAlert(alert.id)) continue;
      const fresh = await fetchAlert(this.http, alert);
      if (fresh) found.push(fresh);
      else
        this.options.logError(`alert ${alert.id} is unknown to the service; kept as it was`, null);
    }
    return found;
  }

  /**
   * Follows the stream until it closes; 'reset' means take a snapshot and come straight back.
   * Right after a snapshot there is next to nothing to replay: the console is live once open.
   */
  private follow(after: number, fresh: boolean): Promise<'closed' | 'reset'> {
    const { store, connection, logError } = this.options;
    return new Promise((resolve, reject) => {
      let outcome: 'closed' | 'reset' = 'closed';
      const queue = new IngestQueue({
        apply: async (batch, after) => {
          // Read before the batch's columns move to the store's worker.
          const fixes = this.options.onApplied ? newestFixes(batch.positions) : [];
          const result = await store.applyBatch(batch, after);
          this.options.onApplied?.({ fixes, others: batch.others });
          return result;
        },
        onApplied: (result) => connection.update({ lastSeq: result.cursor }),
        onError: (error) => {
          logError('applying stream events failed; reconnecting from the stored cursor', error);
          this.stream?.close();
        },
      });
      connection.update({ status: 'catching_up', detail: null, lastSeq: after });
      this.stream = openStream(
        this.options.baseUrl,
        this.http.token ?? '',
        after,
        {
          onOpen: () => {
            if (fresh) connection.update({ status: 'connected' });
          },
          onEvent: (event) => {
            this.backoff.reset();
            queue.push(event);
            // Backpressure: while the store is behind, stop reading; TCP holds the service back.
            if (queue.backlog >= queue.highWaterMark) {
              const stream = this.stream;
              stream?.pause();
              void queue.ready().then(() => stream?.resume());
            }
            const now = this.now();
            const age = event.type === 'heartbeat' ? 0 : Math.max(0, now - Date.parse(event.at));
            connection.eventReceived(now, age < LIVE_WITHIN_MS ? null : age);
          },
          onReset: (reason) => {
            this.needSnapshot = true;
            outcome = 'reset';
            logError(`central service reset the stream: ${reason}`, null);
          },
          onMalformed: (detail) => {
            this.stats.malformed += 1;
            logError(
              `malformed stream message skipped (${this.stats.malformed} so far): ${detail}`,
              null,
            );
          },
          onClose: (reason, status) => {
            this.stream = null;
            queue.drain().then(() => {
              if (status === 401) return reject(new CentralError(401, 'unauthenticated', reason));
              if (outcome !== 'reset') {
                this.stats.reconnects += 1;
                connection.update({ status: 'offline', detail: reason });
              }
              resolve(outcome);
            }, reject);
          },
        },
        this.options.silenceMs,
      );
    });
  }

  private unauthenticated(): void {
    this.running = false;
    this.http.token = null;
    this.operator = null;
    this.options.connection.update({ status: 'offline', detail: 'session ended: log in again' });
    this.options.onUnauthenticated?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
