import { ConsoleApiError } from '../../../shared/api/errors';
import { mayCall } from '../../../shared/api/permissions';
import type { Operator } from '../../../shared/central/records';
import type { StoreStatus } from '../../../shared/domain/store-status';
import type { TrackWithIds } from '../../../shared/domain/timeline';
import { joinedTracks, windowCuts } from './queries/track-read';
import { DAY_MS } from './queries/track-days';
import { LAST_PURGE_KEY, RetentionJob, type PurgeReport } from './retention-job';
import { openStore, StoreError, type Store } from './store';
import { TrackPacker } from './track-packer';

export interface StoreServiceOptions {
  /** The cache file (see cacheFileFor). */
  file: string;
  workerUrl?: URL | string;
  now: () => Date;
  retentionDays: () => number;
  logError: (message: string, error: unknown) => void;
}

/**
 * Threads on read-only connections of their own, so that what an operator waits for does not wait
 * behind the ingest's transactions in the store's own worker, nor the ingest behind it. Each costs
 * ~15 MB, so they run only while someone is signed in who reads (readersFor):
 *
 * - one for the pages' reads (the alert queue, an alert, the map, a client): in the store's worker,
 *   under 1,000 fixes a second, even a one-line read of the queue waited 40–90 ms (the soak);
 * - two for whoever may open timelines: a long window (90 days: 130,000 fixes) is read in parts at
 *   once. better-sqlite3 hands rows to JavaScript at ~1 µs each, so one thread took 130–170 ms;
 *   two take half.
 */
export const MAX_READERS = 2;

/** How many readers the signed-in operator's work wants (see MAX_READERS). */
export function readersFor(operator: Operator | null): number {
  const caller = { operator, locked: false };
  if (mayCall('timeline.open', caller)) return MAX_READERS;
  return mayCall('alerts.queue', caller) ? 1 : 0;
}

/**
 * The local cache as the rest of the core sees it. If the cache cannot be opened (read-only
 * directory, full disk, a file from a newer console) the console still starts: the reason is
 * reported once, shown in the UI, and every operation that needs the cache answers with it.
 */
export class StoreService {
  /** The readers, once all have opened; until then (or if they cannot) the store reads alone. */
  private readers: Store[] = [];
  private wanted = 0;
  /** Readers are opened and closed one change at a time, each towards the latest `wanted`. */
  private adjusting: Promise<number> = Promise.resolve(0);
  private turn = 0;
  private closed = false;

  private constructor(
    private readonly store: Store | null,
    readonly openError: string | null,
    private readonly file: string,
    private readonly options: StoreServiceOptions,
    private readonly retention: RetentionJob | null,
    private readonly packer: TrackPacker | null,
  ) {}

  static async open(options: StoreServiceOptions): Promise<StoreService> {
    const { file } = options;
    try {
      const store = await openStore(file, options.workerUrl);
      const retention = new RetentionJob(store, {
        now: options.now,
        retentionDays: options.retentionDays,
        onError: (error) => options.logError('retention purge failed', error),
      });
      retention.start();
      const packer = new TrackPacker(store, (error) =>
        options.logError("packing the timelines' days failed", error),
      );
      packer.start();
      return new StoreService(store, null, file, options, retention, packer);
    } catch (error) {
      const reason = `The local cache could not be opened: ${(error as Error).message}`;
      options.logError(reason, null);
      return new StoreService(null, reason, file, options, null, null);
    }
  }

  /** The open store, or a ConsoleApiError that says why there is none. */
  get(): Store {
    if (!this.store)
      throw new ConsoleApiError('unavailable', this.openError ?? 'The local cache is closed');
    return this.store;
  }

  /** Runs a store request, turning SQLite's failures into errors an operator can act on. */
  async run<T>(request: (store: Store) => Promise<T>): Promise<T> {
    try {
      return await request(this.get());
    } catch (error) {
      throw describeStoreFailure(error);
    }
  }

  /**
   * Starts readers or closes them until `wanted` run (see readersFor); resolves with how many run
   * once this change is made. Asked for at each sign-in.
   */
  useReaders(wanted: number): Promise<number> {
    this.wanted = this.store && !this.closed ? Math.max(0, Math.min(MAX_READERS, wanted)) : 0;
    this.adjusting = this.adjusting.then(() => this.adjust());
    return this.adjusting;
  }

  /** How many readers run now. */
  readerCount(): number {
    return this.readers.length;
  }

  private async adjust(): Promise<number> {
    const missing = this.wanted - this.readers.length;
    if (missing > 0) {
      const results = await Promise.allSettled(
        Array.from({ length: missing }, () => openStore(this.file, this.options.workerUrl, true)),
      );
      this.readers = [
        ...this.readers,
        ...results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
      ];
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) this.options.logError('cache readers not started', failed.reason);
    }
    // Fewer wanted, or asked for fewer while they opened: the extra ones close.
    while (this.readers.length > this.wanted) {
      const reader = this.readers.pop()!;
      await reader.close().catch(() => undefined);
    }
    return this.readers.length;
  }

  /**
   * A read an operator waits for, on a reader if one runs (see MAX_READERS), else by the store. A
   * reader that fails leaves the read to the store; one whose thread ended is let go.
   */
  async read<T>(request: (store: Store) => Promise<T>): Promise<T> {
    const reader = this.readers[this.turn++ % Math.max(1, this.readers.length)];
    if (reader) {
      try {
        return await request(reader);
      } catch (error) {
        const code = error instanceof StoreError ? error.code : null;
        if (code === 'closed' || code === 'worker_failed') {
          this.readers = this.readers.filter((held) => held !== reader);
          this.options.logError('a cache reader ended; the store reads instead', error);
        }
      }
    }
    return this.run(request);
  }

  /**
   * A client's fixes in [fromMs, toMs), the window cut into parts read at once by the readers;
   * by the store's own worker while they are not there, or if one of them fails.
   */
  async readTrack(
    clientId: string,
    fromMs: number,
    toMs: number,
    withIds: boolean,
  ): Promise<TrackWithIds> {
    const readers = this.readers;
    if (readers.length > 0) {
      const cuts = windowCuts(fromMs, toMs, readers.length);
      try {
        const parts = await Promise.all(
          readers.map((reader, i) =>
            reader.timelineTrack(clientId, cuts[i]!, cuts[i + 1]!, withIds),
          ),
        );
        return joinedTracks(parts);
      } catch (error) {
        this.options.logError('a cache reader failed; the store reads alone', error);
        this.readers = this.readers.filter((held) => !readers.includes(held));
        for (const reader of readers) void reader.close().catch(() => undefined);
      }
    }
    return this.run((store) => store.timelineTrack(clientId, fromMs, toMs, withIds));
  }

  async status(): Promise<StoreStatus> {
    const base = { file: this.file, retentionDays: this.options.retentionDays() };
    if (!this.store) {
      return {
        ...base,
        available: false,
        error: this.openError,
        sizeBytes: null,
        cursor: null,
        counts: null,
        lastPurge: null,
        packedDays: null,
      };
    }
    const store = this.store;
    return this.run(async () => ({
      ...base,
      available: true,
      error: null,
      sizeBytes: await store.fileSize(),
      cursor: await store.cursor(),
      counts: await store.counts(),
      lastPurge: (await store.readLocalState(LAST_PURGE_KEY)) as PurgeReport | null,
      packedDays: dayRange(await store.packedRange()),
    }));
  }

  /** Purges now (Settings' button) instead of waiting for the hourly run. */
  async purgeNow(): Promise<StoreStatus> {
    if (!this.retention) this.get();
    await this.run(() => this.retention!.runOnce());
    return this.status();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.retention?.stop();
    this.packer?.stop();
    await this.useReaders(0);
    await this.store?.close();
  }
}

const dayRange = (range: { low: number; high: number } | null) =>
  range && {
    from: new Date(range.low * DAY_MS).toISOString().slice(0, 10),
    to: new Date(range.high * DAY_MS).toISOString().slice(0, 10),
  };

export function describeStoreFailure(error: unknown): ConsoleApiError {
  if (error instanceof ConsoleApiError) return error;
  // SQLite reports extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …): match the family.
  const code = error instanceof StoreError ? (error.code ?? '') : '';
  const message = (error as Error).message;
  if (code.startsWith('SQLITE_FULL')) {
    return new ConsoleApiError(
      'unavailable',
      `The local cache is full (the disk or its size limit): ${message}`,
    );
  }
  if (
    ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PERM'].some((family) =>
      code.startsWith(family),
    )
  ) {
    return new ConsoleApiError(
      'unavailable',
      `The local cache cannot be written (${code}): ${message}`,
    );
  }
  return new ConsoleApiError('internal', `Local cache error: ${message}`);
}
