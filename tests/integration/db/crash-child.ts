// Child process for the crash-safety test: applies position batches through the real store (worker
// thread and all) as fast as it can, until it is killed. Prints "ready" once writing is under way.
import { openStore } from '../../../electron/core/db/store';
import { positionEvent } from '../../fixtures/central-records';

// Above the live-batch size, so last fixes are held in memory between flushes (the riskier path).
const BATCH = 2000;
const file = process.argv[2];
if (!file) throw new Error('usage: crash-child.ts <file>');

const store = await openStore(file);
let next = (await store.cursor()) + 1;
let announced = false;
for (;;) {
  const batch = Array.from({ length: BATCH }, (_, index) => positionEvent(next + index));
  const { cursor } = await store.applyEvents(batch);
  next = cursor + 1;
  if (!announced) {
    process.stdout.write('ready\n');
    announced = true;
  }
}
