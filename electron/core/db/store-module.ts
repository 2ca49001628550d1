import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { CoreModule } from '../module';
import type { StoreService } from './store-service';

/** The cache as administrators see it: its state, and purging old positions now. */
export function storeModule(
  store: StoreService,
  audit: AuditTrail,
): CoreModule<'store.status' | 'store.purge'> {
  return {
    name: 'store',
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
    close: () => store.close(),
  };
}
