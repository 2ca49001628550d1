import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The cache of the built-in training simulator: a new world each start, so a new cache too. */
export const TRAINING_CACHE = 'training.db';
/** The cache of a console with no central service (it shows whatever this file holds). */
export const BARE_CACHE = 'cache.db';

/**
 * Each central service has a cache file of its own. A cursor, a version or an id means something
 * only within one service's log; one file per service keeps a training world out of the real
 * caseload, and a console moved back to a service resumes where it left off.
 */
export function cacheFileFor(dataDir: string, central: string | 'embedded' | null): string {
  if (central === 'embedded') return join(dataDir, TRAINING_CACHE);
  if (central === null) return join(dataDir, BARE_CACHE);
  const host = new URL(central).hostname.replace(/[^A-Za-z0-9.-]/g, '_');
  const hash = createHash('sha256').update(central).digest('hex').slice(0, 8);
  return join(dataDir, `cache-${host}-${hash}.db`);
}

/** Removes a cache and its WAL files: only ever the training cache, before it is opened. */
export function removeCache(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
