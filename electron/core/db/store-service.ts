import { ConsoleApiError } from '../../../shared/api/errors';
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
 * Threads that read a long window (a timeline's 90 days: 130,000 fixes) in parts at once, each on
 * its own read-only connection. better-sqlite3 hands rows to JavaScript at ~1 µs each, so one
 * thread took 130–170 ms; two take half. They also keep such a read from waiting behind the
 * ingest's transactions in the store's own worker, and the ingest from waiting behind it. Each
 * costs ~15 MB, so they run only while someone who may open a timeline is signed in (useReaders).
 */
const READERS = 2;

/**
 * The local cache as the rest of the core sees it. If the cache cannot be opened (read-only
 * directory, full disk, a file from a newer console) the console still starts: the reason is
 * reported once, shown in the UI, and every operation that needs the cache answers with it.
 */
export class StoreService {
  /** The readers, once all have opened; until then (or if they cannot) the store reads alone. */
  private readers: Store[] = [];
  private wantReaders = false;
  private opening: Promise<number> | null = null;
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
   * Starts the readers or closes them; resolves with how many run. Asked for at each sign-in: they
   * run while the operator may open timelines (see READERS).
   */
  useReaders(wanted: boolean): Promise<number> {
    this.wantReaders = wanted && this.store !== null && !this.closed;
    if (!this.wantReaders) {
      const readers = this.readers;
      this.readers = [];
      return Promise.all(readers.map((reader) => reader.close().catch(() => undefined))).then(
        () => 0,
      );
    }
    if (this.readers.length > 0) return Promise.resolve(this.readers.length);
    this.opening ??= this.openReaders().finally(() => (this.opening = null));
    return this.opening;
  }

  /** How many readers run now. */
  readerCount(): number {
    return this.readers.length;
  }

  private async openReaders(): Promise<number> {
    const results = await Promise.allSettled(
      Array.from({ length: READERS }, () => openStore(this.file, this.options.workerUrl, true)),
    );
    const opened = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) this.options.logError('cache readers not started', failed.reason);
    if (failed || !this.wantReaders) {
      await Promise.all(opened.map((reader) => reader.close().catch(() => undefined)));
      return 0;
    }
    this.readers = opened;
    return opened.length;
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
        this.readers = [];
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
    await this.useReaders(false);
    await this.opening;
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
