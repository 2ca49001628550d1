import { ConsoleApiError } from '../../../shared/api/errors';
import { isStateMove } from '../../../shared/central/alert-workflow';
import { waitingMoves } from '../../../shared/domain/outbox';
import type { OperatorActions } from '../actions/operator-actions';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import { serviceFeatures } from '../central/capabilities';
import type { CentralHttp } from '../central/central-http';
import type { StoreService } from '../db/store-service';
import type { EventBus } from '../events/event-bus';
import { isLocalAlert, type LocalAlerts } from './local-alerts';
import type { CoreModule } from '../module';
import type { Clock } from '../runtime/clock';
import { attentionSummary } from './attention-summary';
import type { Mute } from './mute';

type AlertOperation =
  | 'alerts.queue'
  | 'alerts.queueChanges'
  | 'alerts.detail'
  | 'alerts.act'
  | 'alerts.suppress'
  | 'alerts.liftSuppression'
  | 'alerts.suppressions'
  | 'attention.get'
  | 'attention.summary'
  | 'attention.mute'
  | 'attention.unmute'
  | 'attention.notify';

export interface AlertsModuleOptions {
  store: StoreService;
  events: EventBus;
  actions: OperatorActions;
  audit: AuditTrail;
  clock: Clock;
  /** Shows a desktop notification where the shell can (Electron); absent in headless runs. */
  notify?: (notification: { title: string; body: string; tag: string }) => void;
  /** Alerts a receiver raised here against a 1.0 service: worked in this console alone. */
  local: LocalAlerts;
  /** This console's mute (the shift handover lists it too). */
  mute: Mute;
  /** The session's connection to the service, or null while there is none. */
  http?: () => CentralHttp | null;
}

/**
 * The queue, its workflow, suppressions and this console's sounds and notifications. Who may call
 * each (supervisors alone suppress) is the permission table's; the caller comes from the dispatcher.
 */
export function alertsModule(options: AlertsModuleOptions): CoreModule<AlertOperation> {
  const { store, events, actions, audit, clock } = options;
  const { mute } = options;

  // Whether the service keeps suppressions (1.1): learnt from each session's capabilities and
  // kept while it cannot be asked, so a suppression made offline still waits for the service.
  let shared = false;
  const sharing = async (): Promise<boolean> => {
    const http = options.http?.();
    const features = http ? await serviceFeatures(http).catch(() => null) : null;
    if (features) shared = features.features.has('suppressions');
    return shared;
  };
  const announceSuppressions = async (): Promise<void> => {
    const items = await store.run((s) => s.activeSuppressions(clock().toISOString()));
    events.emit('alerts.suppressed', { items, shared: await sharing() });
  };
  let stopListening = (): void => undefined;

  let acting: Promise<unknown> = Promise.resolve();
  return {
    name: 'alerts',
    handlers: {
      'alerts.queue': async () => ({ items: await store.run((s) => s.alertQueue()) }),
      'alerts.queueChanges': ({ alertIds }) => store.run((s) => s.alertQueueChanges(alertIds)),
      'alerts.detail': async ({ alertId }, context) => {
        const item = await store.run((s) => s.alertQueueItem(alertId));
        if (!item)
          throw new ConsoleApiError('not_found', `No alert ${alertId}`, 'alertId', {
            what: 'alert',
          });
        await audit.viewed(operatorOf(context), 'alert', alertId);
        return { item, actions: await store.run((s) => s.actionsForAlert(alertId)) };
      },
      'alerts.act': (input, context) => {
        const operator = operatorOf(context);
        // One at a time: the check for a move still waiting and the queueing are one step.
        const act = acting.then(async () => {
          if (isLocalAlert(input.alertId)) {
            await options.local.act(input, operator);
            return { id: 0, alertId: input.alertId };
          }
          if (isStateMove(input.kind)) {
            const waiting = waitingMoves((await actions.view()).items).get(input.alertId);
            // Its version is about to change: a second move would be refused by the service.
            if (waiting)
              throw new ConsoleApiError(
                'move_waiting',
                `A ${waiting} of this alert is still waiting to be sent`,
                undefined,
                { kind: waiting },
              );
          }
          const item = await actions.queue(operator, 'alert.action', input);
          return { id: item.id, alertId: input.alertId };
        });
        acting = act.catch(() => undefined);
        return act;
      },
      'alerts.suppress': async (input, context) => {
        const operator = operatorOf(context);
        const from = clock();
        const until = new Date(from.getTime() + input.minutes * 60_000).toISOString();
        if (await sharing()) {
          // Made at the service, through the outbox: it reaches every console by the stream.
          const item = await actions.queue(operator, 'suppression.create', {
            clientId: input.clientId,
            alertType: input.type,
            until,
            reason: input.reason,
          });
          await audit.record(
            operator,
            'alert.suppress',
            { type: 'client', id: input.clientId },
            { type: input.type, until, reason: input.reason, shared: true, outboxId: item.id },
          );
          return { suppression: null, queued: item.id, shared: true };
        }
        const suppression = await store.run((s) =>
          s.addSuppression(input, from.toISOString(), until, operator.id),
        );
        await announceSuppressions();
        return { suppression, queued: null, shared: false };
      },
      'alerts.liftSuppression': async ({ id }, context) => {
        const operator = operatorOf(context);
        const held = await store.run((s) => s.suppressionById(id));
        const now = clock().toISOString();
        if (!held || held.liftedAt !== null || held.until <= now)
          throw new ConsoleApiError('not_in_force', `Suppression ${id} is not in force`);
        if (held.serviceId !== null) {
          // The service's: lifted there (for every console), as the version held here says.
          await actions.queue(operator, 'suppression.lift', {
            suppressionId: held.serviceId,
            expectedVersion: held.version ?? 1,
          });
          await audit.record(
            operator,
            'alert.suppression_lift',
            { type: 'client', id: held.clientId },
            { id: held.serviceId, type: held.type, shared: true },
          );
          return held;
        }
        const lifted = await store.run((s) => s.liftSuppression(id, now, operator.id));
        if (!lifted) throw new ConsoleApiError('not_in_force', `Suppression ${id} is not in force`);
        await announceSuppressions();
        return lifted;
      },
      'alerts.suppressions': async () => ({
        items: await store.run((s) => s.activeSuppressions(clock().toISOString())),
        shared: await sharing(),
      }),
      'attention.get': () => mute.get(),
      'attention.summary': async () => attentionSummary(await store.run((s) => s.alertQueue())),
      'attention.mute': ({ minutes }, context) => mute.mute(minutes, operatorOf(context)),
      'attention.unmute': (_input, context) => mute.unmute(operatorOf(context)),
      'attention.notify': (notification) => {
        if (!options.notify) return { shown: false };
        options.notify(notification);
        return { shown: true };
      },
    },
    // Suppressions from the service (made on another console, lifted, expired there) are
    // announced like this console's own.
    start: () => {
      stopListening = events.subscribe((event) => {
        if (event === 'suppressions.changed') void announceSuppressions();
      });
    },
    close: () => stopListening(),
  };
}
