// Child process for the catch-up crash test: a console's sync half (store worker and central
// client) against a simulator in the parent. Prints "syncing" once its cursor moves; then keeps
// going until it is killed.
import { join } from 'node:path';
import { Backoff } from '../../../electron/core/central/backoff';
import { CentralClient } from '../../../electron/core/central/central-client';
import { ConnectionTracker } from '../../../electron/core/central/connection-state';
import { openStore } from '../../../electron/core/db/store';
import { EventBus } from '../../../electron/core/events/event-bus';

const [url, dir] = process.argv.slice(2);
if (!url || !dir) throw new Error('usage: console-child.ts <simulator url> <dir>');
const store = await openStore(join(dir, 'cache.db'));
const start = await store.cursor();
const client = new CentralClient({
  baseUrl: url,
  store,
  connection: new ConnectionTracker(new EventBus(), () => new Date(), url),
  logError: () => undefined,
  backoff: new Backoff(20, 200),
});
await client.login('referent1', 'macibas');
client.start();
const poll = setInterval(() => {
  void store.cursor().then((cursor) => {
    if (cursor > start) {
      process.stdout.write('syncing\n');
      clearInterval(poll);
    }
  });
}, 5);
