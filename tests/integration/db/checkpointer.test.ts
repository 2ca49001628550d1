import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY_MS } from '../../../electron/core/db/checkpointer';
import { openStore } from '../../../electron/core/db/store';
import { until } from '../../helpers/until';
import { positionEvent } from '../../fixtures/central-records';
import { tempDir } from '../../helpers/temp-dir';

/** Positions in the database file alone, as a copy without its WAL sees them. */
function positionsInMainFile(file: string): number {
  const copy = join(tempDir(), 'main-only.db');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM positions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("the store's checkpointer", () => {
  it('copies committed fixes into the database file on its own thread, well before the writer would', async () => {
    const file = join(tempDir(), 'cache.db');
    const store = await openStore(file);
    try {
      const events = Array.from({ length: 2000 }, (_, i) => positionEvent(i + 1, `c${i % 500}`));
      await store.applyEvents(events);
      // 2,000 fixes are far below the writer's own threshold (65,536 pages): without the
      // checkpointer they would stay in the WAL, and the file alone would hold none.
      await until(
        () => positionsInMainFile(file),
        (n) => n === 2000,
        { timeoutMs: 5 * CHECKPOINT_EVERY_MS, everyMs: 200 },
      );
      expect(await store.cursor()).toBe(2000);
    } finally {
      await store.close();
    }
    // Closed last, the writer checkpoints what is left and removes the WAL, as before.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(positionsInMainFile(file)).toBe(2000);
  });

  it('lets a store be closed twice: the second close finds nothing to stop and returns', async () => {
    const store = await openStore(join(tempDir(), 'cache.db'));
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
