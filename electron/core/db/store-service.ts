import { ConsoleApiError } from '../../../shared/api/errors';
import type { StoreStatus } from '../../../shared/domain/store-status';
import { LAST_PURGE_KEY, RetentionJob, type PurgeReport } from './retention-job';
import { openStore, StoreError, type Store } from './store';

export interface StoreServiceOptions {
  /** The cache file (see cacheFileFor). */
  file: string;
  workerUrl?: URL | string;
  now: () => Date;
  retentionDays: () => number;
  logError: (message: string, error: unknown) => void;
}

/**
 * The local cache as the rest of the core sees it. If the cache cannot be opened (read-only
 * directory, full disk, a file from a newer console) the console still starts: the reason is
 * reported once, shown in the UI, and every operation that needs the cache answers with it.
 */
export class StoreService {
  private constructor(
    private readonly store: Store | null,
    readonly openError: string | null,
    private readonly file: string,
    private readonly options: StoreServiceOptions,
    private readonly retention: RetentionJob | null,
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
      return new StoreService(store, null, file, options, retention);
    } catch (error) {
      const reason = `The local cache could not be opened: ${(error as Error).message}`;
      options.logError(reason, null);
      return new StoreService(null, reason, file, options, null);
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
    }));
  }

  /** Purges now (Settings' button) instead of waiting for the hourly run. */
  async purgeNow(): Promise<StoreStatus> {
    if (!this.retention) this.get();
    await this.run(() => this.retention!.runOnce());
    return this.status();
  }

  async close(): Promise<void> {
    this.retention?.stop();
    await this.store?.close();
  }
}

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
