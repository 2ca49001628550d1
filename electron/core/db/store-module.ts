import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { SessionState } from '../../../shared/domain/session';
import type { EventBus } from '../events/event-bus';
import type { CoreModule } from '../module';
import { readersFor, type StoreService } from './store-service';

/**
 * The cache as administrators see it: its state, and purging old positions now. The store's
 * readers follow who is signed in (readersFor).
 */
export function storeModule(
  store: StoreService,
  audit: AuditTrail,
  events: EventBus,
): CoreModule<'store.status' | 'store.purge'> {
  let stopWatching = (): void => undefined;
  return {
    name: 'store',
    start: () => {
      let wanted = 0;
      stopWatching = events.subscribe((event, payload) => {
        if (event !== 'session.changed') return;
        const now = readersFor((payload as SessionState).operator);
        if (now !== wanted) void store.useReaders(now);
        wanted = now;
      });
    },
    handlers: {
      'store.status': () => store.status(),
      'store.purge': async (_input, context) => {
        const before = await store.status();
        const after = await store.purgeNow();
        await audit.record(operatorOf(context), 'store.purge', null, {
          retentionDays: after.retentionDays,
          positionsBefore: before.counts?.positions ?? null,
          positionsAfter: after.counts?.positions ?? null,
        });
        return after;
      },
    },
    close: () => {
      stopWatching();
      return store.close();
    },
  };
}
