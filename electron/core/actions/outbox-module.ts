import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { CoreModule } from '../module';
import type { OperatorActions } from './operator-actions';

/** The operator's actions still waiting to be sent, and the refusals they have read. */
export function outboxModule(
  actions: OperatorActions,
  audit: AuditTrail,
): CoreModule<'outbox.list' | 'outbox.markSeen'> {
  return {
    name: 'outbox',
    handlers: {
      'outbox.list': () => actions.view(),
      'outbox.markSeen': async ({ id }, context) => {
        const view = await actions.markSeen(id);
        await audit.record(operatorOf(context), 'outbox.refusal_seen', {
          type: 'outbox',
          id: String(id),
        });
        return view;
      },
    },
  };
}
