import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { IngestQueue } from '../../../electron/core/db/ingest-queue';
import { openStore, type Store } from '../../../electron/core/db/store';
import { positionEvent } from '../../fixtures/central-records';
import { tempDir } from '../../helpers/temp-dir';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function storeOn(file: string): Promise<Store> {
  const store = await openStore(file);
  stores.push(store);
  return store;
}

describe('ingest with a batch in flight behind another', () => {
  it('writes nothing past a batch that failed, though the next was already sent', async () => {
    const file = join(tempDir(), 'cache.db');
    openDatabase(file).close();
    const store = await storeOn(file);
    // A fault in the middle batch (a trigger standing in for a full disk), set from another
    // connection to the same file.
    const side = openDatabase(file);
    side.exec(`CREATE TRIGGER fail BEFORE INSERT ON positions WHEN NEW.id = 'p3'
               BEGIN SELECT RAISE(ABORT, 'simulated fault'); END`);
    const sent: (number | null)[] = [];
    const errors: string[] = [];
    const queue = new IngestQueue({
      apply: (batch, after) => {
        sent.push(after);
        return store.applyBatch(batch, after);
      },
      maxBatch: 3,
      onError: (error) => errors.push((error as Error).message),
    });
    // [1] goes at once; [2, 3, 4] is full and goes behind it; [5, 6, 7] goes behind [2, 3, 4]
    // as soon as [1] is written, before [2, 3, 4] has failed.
    for (let seq = 1; seq <= 7; seq += 1) queue.push(positionEvent(seq));
    await queue.drain();

    expect(sent).toEqual([null, 1, 4]);
    expect(errors).toEqual(['simulated fault']);
    expect(await store.cursor()).toBe(1);
    const ids = side.prepare('SELECT id FROM positions ORDER BY id').pluck().all();
    expect(ids).toEqual(['p1']);
    side.close();
  });

  it('refuses a batch whose predecessor has not reached the cache, and keeps what is there', async () => {
    const store = await storeOn(join(tempDir(), 'cache.db'));
    await store.applyEvents([positionEvent(1)]);
    await expect(store.applyEvents([positionEvent(5)], 4)).rejects.toMatchObject({
      code: 'SARGS_OUT_OF_ORDER',
      message: 'batch refused: the cursor is at 1, the batch before it ended at 4',
    });
    expect(await store.cursor()).toBe(1);
    expect(await store.applyEvents([positionEvent(2)], 1)).toMatchObject({ applied: 1, cursor: 2 });
  });
});
