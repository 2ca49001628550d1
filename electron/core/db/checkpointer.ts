import Database from 'better-sqlite3';
import type { MessagePort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker-protocol';

/** How often committed pages are copied from the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;

/**
 * Copies committed pages from the WAL into the database file on a thread of its own, so that the
 * store's writes never wait for it. Left to the writing connection, a checkpoint ran inside the
 * commit that crossed the WAL's threshold: 500–700 ms in which nothing new reached the cache, every
 * minute or so at 1,000 fixes a second, which is what a referent saw as a late fix on the map.
 *
 * A passive checkpoint takes no lock that a writer or a reader waits for; it copies what it can
 * and stops. The writing connection keeps its own automatic checkpoint as a backstop: when it
 * runs, nearly everything has been copied already, and it lets SQLite start the WAL over.
 */
export function runCheckpointer(file: string, port: MessagePort): void {
  const send = (message: FromWorker): void => port.postMessage(message);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message });
    return;
  }
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // SQLITE_BUSY or the like: the next round tries again, and the writer's own is the backstop.
    }
  }, CHECKPOINT_EVERY_MS);
  port.on('message', (message: ToWorker) => {
    if (message.method !== '__close') return;
    clearInterval(timer);
    db.close();
    send({ type: 'answer', id: message.id, ok: true, value: null });
  });
  send({ type: 'ready' });
}
