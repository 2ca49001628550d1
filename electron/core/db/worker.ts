import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { openDatabase, openReader } from './open-database';
import { runCheckpointer } from './checkpointer';
import { lastFixesOf } from './queries/last-fixes';
import { createStoreHandlers, type StoreHandlers } from './store-handlers';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol';

/**
 * The database worker: owns the one SQLite connection that writes and answers the core's requests
 * in order. SQLite work never blocks the core's event loop (stream, IPC, timers). Started as a
 * `reader`, it holds a read-only connection instead (StoreService's readers for long reads); as
 * the `checkpointer`, it copies the writer's WAL into the database file (checkpointer.ts).
 */
if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port: MessagePort = parentPort;

const { file, reader = false, checkpointer = false } = workerData as WorkerInit;
const send = (message: FromWorker): void => port.postMessage(message);

if (checkpointer) runCheckpointer(file, port);
else serve(reader ? openReader : openDatabase);

function serve(open: (file: string) => Database): void {
  let db: Database;
  let handlers: StoreHandlers;
  try {
    db = open(file);
    handlers = createStoreHandlers(db, file);
    send({ type: 'ready' });
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message });
    process.exit(1);
  }
  port.on('message', (message: ToWorker) => answer(db, handlers, message));
}

/** Typed-array columns (a PositionTrack) are moved to the core, not copied. */
function transferables(value: unknown): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value)
    .filter((field): field is ArrayBufferView => ArrayBuffer.isView(field))
    .map((view) => view.buffer as ArrayBuffer);
}

function answer(db: Database, handlers: StoreHandlers, message: ToWorker): void {
  if (message.method === '__close' || message.method === '__handOver') {
    // Write what is held in memory, let SQLite refresh its statistics for the queries this
    // session ran, then close cleanly (a reader has nothing to write). Handing over to another
    // thread, the statistics wait for the last close: requests wait meanwhile, and ANALYZE
    // rewrites tables a reader may be comparing.
    if (!reader) {
      lastFixesOf(db).flush();
      if (message.method === '__close') db.pragma('optimize');
    }
    db.close();
    send({ type: 'answer', id: message.id, ok: true, value: null });
    return;
  }
  try {
    const method = handlers[message.method] as (...args: unknown[]) => unknown;
    const value = method(...message.args);
    port.postMessage(
      { type: 'answer', id: message.id, ok: true, value } satisfies FromWorker,
      transferables(value),
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    send({
      type: 'answer',
      id: message.id,
      ok: false,
      message: (error as Error).message,
      code: typeof code === 'string' ? code : null,
    });
  }
}
