import type { StoreMethod } from './store-handlers';

/** Messages between the core and the database worker. */
export interface WorkerInit {
  file: string;
  /** A read-only connection for long reads (see StoreService's readers); no migrations. */
  reader?: boolean;
  /** The store's checkpointer (checkpointer.ts): no requests but `__close`. */
  checkpointer?: boolean;
}

/** `__handOver` closes as `__close` does, without PRAGMA optimize: another thread takes over. */
export type WorkerRequest =
  { method: StoreMethod; args: unknown[] } | { method: '__close' } | { method: '__handOver' };
export type ToWorker = WorkerRequest & { id: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string; code: string | null };
