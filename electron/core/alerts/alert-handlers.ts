import { ConsoleApiError } from '../../../shared/api/errors';
import { isStateMove } from '../../../shared/central/alert-workflow';
import type { Operator } from '../../../shared/central/records';
import { isSupervisor } from '../../../shared/domain/attention';
import { waitingMoves } from '../../../shared/domain/outbox';
import type { OperatorActions } from '../actions/operator-actions';
import type { Handlers } from '../api/handlers';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { Mute } from './mute';

type AlertOperation =
  | 'alerts.queue'
  | 'alerts.detail'
  | 'alerts.act'
  | 'alerts.suppress'
  | 'alerts.liftSuppression'
  | 'alerts.suppressions'
  | 'attention.get'
  | 'attention.mute'
  | 'attention.unmute'
  | 'attention.notify';

export interface AlertHandlersOptions {
  store: StoreService;
  events: EventBus;
  actions: OperatorActions;
  operator: () => Operator | null;
  now: () => Date;
  /** Records that the operator saw a subject (the audit of views). */
  viewed: (subjectType: string, subjectId: string) => Promise<void>;
  /** Shows a desktop notification where the shell can (Electron); absent in headless runs. */
  notify?: (notification: { title: string; body: string; tag: string }) => void;
}

function signedIn(operator: Operator | null): Operator {
  if (!operator) throw new ConsoleApiError('unauthenticated', 'Sign in first');
  return operator;
}

/** The queue, its workflow, suppressions and this console's sounds and notifications. */
export function createAlertHandlers(options: AlertHandlersOptions): Pick<Handlers, AlertOperation> {
  const { store, events, actions, now } = options;
  const mute = new Mute(store, events, now);

  const supervisor = (): Operator => {
    const operator = signedIn(options.operator());
    if (!isSupervisor(operator))
      throw new ConsoleApiError('forbidden', 'Only a supervisor may suppress alerts');
    return operator;
  };
  const announceSuppressions = async (): Promise<void> => {
    const items = await store.run((s) => s.activeSuppressions(now().toISOString()));
    events.emit('alerts.suppressed', { items });
  };

  let acting: Promise<unknown> = Promise.resolve();
  return {
    'alerts.queue': async () => ({ items: await store.run((s) => s.alertQueue()) }),
    'alerts.detail': async ({ alertId }) => {
      const item = await store.run((s) => s.alertQueueItem(alertId));
      if (!item) throw new ConsoleApiError('invalid_input', `No alert ${alertId}`, 'alertId');
      await options.viewed('alert', alertId);
      return { item, actions: await store.run((s) => s.actionsForAlert(alertId)) };
    },
    'alerts.act': (input) => {
      // One at a time: the check for a move still waiting and the queueing are one step.
      const act = acting.then(async () => {
        if (isStateMove(input.kind)) {
          const waiting = waitingMoves((await actions.view()).items).get(input.alertId);
          // Its version is about to change: a second move would be refused by the service.
          if (waiting)
            throw new ConsoleApiError(
              'conflict',
              `A ${waiting} of this alert is still waiting to be sent`,
            );
        }
        const item = await actions.queue('alert.action', input);
        return { id: item.id, alertId: input.alertId };
      });
      acting = act.catch(() => undefined);
      return act;
    },
    'alerts.suppress': async (input) => {
      const operator = supervisor();
      const from = now();
      const until = new Date(from.getTime() + input.minutes * 60_000).toISOString();
      const suppression = await store.run((s) =>
        s.addSuppression(input, from.toISOString(), until, operator.id),
      );
      await announceSuppressions();
      return suppression;
    },
    'alerts.liftSuppression': async ({ id }) => {
      const operator = supervisor();
      const lifted = await store.run((s) =>
        s.liftSuppression(id, now().toISOString(), operator.id),
      );
      if (!lifted) throw new ConsoleApiError('conflict', `Suppression ${id} is not in force`);
      await announceSuppressions();
      return lifted;
    },
    'alerts.suppressions': async () => ({
      items: await store.run((s) => s.activeSuppressions(now().toISOString())),
    }),
    'attention.get': () => mute.get(),
    'attention.mute': ({ minutes }) => mute.mute(minutes, signedIn(options.operator()).id),
    'attention.unmute': () => mute.unmute(signedIn(options.operator()).id),
    'attention.notify': (notification) => {
      if (!options.notify) return { shown: false };
      options.notify(notification);
      return { shown: true };
    },
  };
}
