import { Worker } from 'node:worker_threads';
import type { ApplyResult, StoredEvent } from './apply-events';
import { packEvents, transferList, type PackedBatch } from './packed-batch';
import type { StoreHandlers, StoreMethod } from './store-handlers';
import type { StagedSnapshot } from './snapshot-staging';
import type { FromWorker, ToWorker, WorkerInit, WorkerRequest } from './worker-protocol';

type Remote<M extends StoreMethod> = (
  ...args: Parameters<StoreHandlers[M]>
) => Promise<ReturnType<StoreHandlers[M]>>;

export type Store = {
  [M in Exclude<StoreMethod, 'applyPacked' | 'stageSnapshot'>]: Remote<M>;
} & {
  /**
   * Applies stream events and moves the cursor, in one transaction (see applyPacked); with
   * `after`, only once the cursor has reached it.
   */
  applyEvents(events: readonly StoredEvent[], after?: number | null): Promise<ApplyResult>;
  /** The same for a batch already packed; its columns move to the worker and are gone here after. */
  applyBatch(batch: PackedBatch, after?: number | null): Promise<ApplyResult>;
  /** Moves the snapshot's bytes to the worker (see snapshot-staging.ts); they are gone here after. */
  stageSnapshot(bytes: ArrayBuffer): Promise<StagedSnapshot>;
  /** The used heap of the store's thread now (diagnostics: the snapshot hand-over's test). */
  heapUsedBytes(): Promise<number>;
  readonly file: string;
  /** Runs PRAGMA optimize, closes the database and ends the worker. */
  close(): Promise<void>;
};

/** A store request that failed inside the worker; `code` is SQLite's (e.g. SQLITE_FULL). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const METHODS = [
  'applyStagedSnapshot',
  'dropStagedSnapshot',
  'applyRecords',
  'cursor',
  'openAlerts',
  'alertQueue',
  'alertQueueChanges',
  'alertQueueItem',
  'alertsForClient',
  'actionsForAlert',
  'positionsForClient',
  'trackForClient',
  'lastPositions',
  'mapSnapshot',
  'lastFixFor',
  'clientDetail',
  'zonesForClient',
  'journalForShift',
  'counts',
  'purgeStep',
  'packTrackDays',
  'packedRange',
  'readLocalState',
  'writeLocalState',
  'appendAudit',
  'verifyAudit',
  'auditHead',
  'auditPage',
  'auditRows',
  'fileSize',
  'queueAction',
  'dueOutbox',
  'listOutbox',
  'settleOutbox',
  'retryOutboxLater',
  'recordById',
  'outboxNeedingAttention',
  'markRefusalSeen',
  'recordBreaches',
  'addSuppression',
  'liftSuppression',
  'activeSuppressions',
  'suppressionById',
  'saveReport',
  'reportById',
  'openDraft',
  'listReports',
  'deviceRows',
  'deviceBySerialOrId',
  'recordReading',
  'readingOf',
  'openShift',
  'shiftsBetween',
  'operators',
  'searchJournal',
  'scanJournal',
  'alertsOfWindow',
  'actionsOfAlerts',
  'clientsChangedBetween',
  'clientNames',
  'clientRegister',
  'journalForClient',
  'timelineRows',
  'timelineTrack',
  'putZoneVersions',
  'zoneIdsOfClient',
  'zoneVersionsOf',
  'exclusionZones',
  'zoneAuthors',
  'ordersOfClient',
  'lastVictimPosition',
  'openProximityAlerts',
] as const satisfies readonly StoreMethod[];
// Compile-time check that every handler is reachable from the core.
const allMethods: Record<
  Exclude<StoreMethod, (typeof METHODS)[number] | 'applyPacked' | 'stageSnapshot'>,
  never
> = {};
void allMethods;

/**
 * Where the worker script is. From source (tsx, vitest) it is the .mjs bootstrap next to this
 * file; the desktop bundle passes its own compiled worker instead.
 */
function sourceWorkerUrl(): URL {
  return new URL('./worker-entry.mjs', import.meta.url);
}

/**
 * Starts the database worker on `file` and resolves once the database is open and migrated. A
 * `reader` opens it read-only instead, once the store's own worker has migrated it (its write
 * methods fail with SQLITE_READONLY).
 */
export function openStore(
  file: string,
  workerUrl: URL | string = sourceWorkerUrl(),
  reader = false,
): Promise<Store> {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;
  /** The thread that answers; another one takes over after a snapshot (see handOver). */
  let worker: Worker;
  /** While the writer is handed over: requests wait for it, then go to the new thread in order. */
  let handingOver: Promise<void> | null = null;

  const post = (message: WorkerRequest, transfer: ArrayBuffer[]): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  const request = (message: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<unknown> =>
    handingOver ? handingOver.then(() => post(message, transfer)) : post(message, transfer);

  const failAll = (error: Error): void => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  /** Starts a thread on the file; `ready` once it has opened it. */
  const spawn = (): { thread: Worker; ready: Promise<void> } => {
    const thread = new Worker(workerUrl, {
      workerData: { file, reader } satisfies WorkerInit,
      // A small young generation keeps the worker's heap from ballooning during a catch-up
      // (bench:store: peak RSS 348 MB with V8's default, 294 MB with this, same throughput).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    const ready = new Promise<void>((resolve, reject) => {
      thread.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new StoreError(message.message, 'open_failed'));
        else {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (message.ok) waiter?.resolve(message.value);
          else waiter?.reject(new StoreError(message.message, message.code));
        }
      });
      // Only the thread that answers speaks for the store: one that is starting to take over, or
      // has handed over, ends without closing it.
      thread.on('error', (error) => {
        if (thread === worker)
          failAll(new StoreError(`Store worker failed: ${error.message}`, 'worker_failed'));
        reject(error);
      });
      thread.on('exit', () => {
        if (thread === worker) failAll(new StoreError('Store is closed', 'closed'));
        reject(new StoreError('Store worker ended while opening', 'closed'));
      });
    });
    return { thread, ready };
  };

  /**
   * Moves the writer to a fresh thread once a snapshot has been applied or let go. Parsing and
   * applying 10,000 clients leaves ~75 MB of dead objects in the writer's heap, which V8 gives
   * back only when its memory reducer finds the thread idle, and under live traffic that took
   * minutes (the soak's steady RSS stayed ~80 MB high). Ending the thread returns its heap at
   * once.
   *
   * The new thread starts and opens the file while the old one goes on answering (starting a
   * thread takes 200–700 ms on these machines); then requests wait while the old one answers
   * everything sent before, writes its pending last fixes and closes (see worker.ts), a few
   * milliseconds, and go on to the new one in order. If the new thread cannot open the file, the
   * old one simply stays.
   */
  let replacing: Promise<void> | null = null;
  const handOver = (): Promise<void> => {
    if (failure) return Promise.resolve();
    replacing ??= replace();
    return replacing;
  };
  const replace = async (): Promise<void> => {
    const next = spawn();
    try {
      await next.ready;
    } catch {
      replacing = null;
      await next.thread.terminate();
      return;
    }
    const old = worker;
    handingOver = post({ method: '__handOver' }, [])
      // Should the old thread fail to close, the new one goes on: a last fix it held is re-derived
      // from the positions at the next start (its marker stays set, last-fixes.ts).
      .catch(() => undefined)
      .then(() => {
        worker = next.thread;
        handingOver = null;
        replacing = null;
        void old.terminate();
      });
    await handingOver;
  };

  let checkpointer: Promise<Worker | null> = Promise.resolve(null);

  const first = spawn();
  worker = first.thread;
  return first.ready.then(() => {
    if (!reader) checkpointer = startCheckpointer(file, workerUrl);
    return buildStore();
  });

  function applyBatch(batch: PackedBatch, after: number | null = null): Promise<ApplyResult> {
    return request(
      { method: 'applyPacked', args: [batch, after] },
      transferList(batch),
    ) as Promise<ApplyResult>;
  }

  /**
   * A snapshot's last step. The writer is handed over after it, whether it went in or not, in the
   * background: requests go on meanwhile (see handOver).
   */
  async function settleSnapshot(method: StoreMethod, args: unknown[]): Promise<unknown> {
    try {
      return await request({ method, args });
    } finally {
      void handOver();
    }
  }

  function buildStore(): Store {
    const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = Object.fromEntries(
      METHODS.map((method) => [method, (...args: unknown[]) => request({ method, args })]),
    );
    return {
      ...methods,
      applyStagedSnapshot: (...args: unknown[]) => settleSnapshot('applyStagedSnapshot', args),
      dropStagedSnapshot: () => settleSnapshot('dropStagedSnapshot', []),
      // Packed on the core's thread: the worker gets columns, moved rather than copied.
      applyEvents: (events: readonly StoredEvent[], after: number | null = null) =>
        applyBatch(packEvents(events), after),
      applyBatch,
      stageSnapshot: (bytes: ArrayBuffer) =>
        request({ method: 'stageSnapshot', args: [bytes] }, [bytes]) as Promise<StagedSnapshot>,
      heapUsedBytes: async () => (await worker.getHeapStatistics()).used_heap_size,
      file,
      close: async () => {
        await replacing;
        // A second close finds no checkpointer and, the worker having ended, nothing to do.
        const thread = await checkpointer;
        checkpointer = Promise.resolve(null);
        await stopCheckpointer(thread);
        if (failure) return;
        // The worker answers only after PRAGMA optimize and db.close(): from then on ending the
        // thread loses nothing, and does not depend on its event loop running dry by itself.
        await request({ method: '__close' });
        await worker.terminate();
      },
      // One entry per METHODS name, and METHODS is checked against the handlers above.
    } as unknown as Store;
  }
}

/**
 * The writer's checkpointer thread (checkpointer.ts), once it has opened the file; null if it
 * cannot run, and the writer's own automatic checkpoints then do its work, as they did before it.
 */
function startCheckpointer(file: string, workerUrl: URL | string): Promise<Worker | null> {
  return new Promise((resolve) => {
    const thread = new Worker(workerUrl, {
      workerData: { file, checkpointer: true } satisfies WorkerInit,
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    thread.once('message', (message: FromWorker) =>
      resolve(message.type === 'ready' ? thread : null),
    );
    thread.once('error', () => resolve(null));
  });
}

/** Closes the checkpointer's connection before the writer's, which then checkpoints last. */
async function stopCheckpointer(thread: Worker | null): Promise<void> {
  // threadId is -1 once the thread has stopped: it would answer nothing.
  if (!thread || thread.threadId === -1) return;
  await new Promise<void>((resolve) => {
    thread.once('message', () => resolve());
    thread.once('exit', () => resolve());
    thread.postMessage({ method: '__close', id: 0 } satisfies ToWorker);
  });
  await thread.terminate();
}
