import { applyAction } from '../../../shared/central/alert-workflow';
import type { Alert, AlertAction } from '../../../shared/central/records';
import type { ServiceState } from './service-state';

type Step = Pick<AlertAction, 'kind' | 'payload'> & { afterMs: number };

/**
 * A referent of the training world working an alert: each step (claim, a note, a contact, the
 * resolution) at its time after the alert was raised, through the same state machine and the
 * same event log as a console's actions, so a timeline or a shift report has real work to show.
 */
export function workAlert(
  state: ServiceState,
  alertId: string,
  operatorId: string,
  steps: readonly Step[],
): Alert {
  let alert = state.alerts.get(alertId)!;
  for (const step of steps) {
    const at = Date.parse(alert.raisedAt) + step.afterMs;
    state.at(at, () => {
      const iso = new Date(at).toISOString();
      const changed = applyAction(alert, step.kind, operatorId, iso, step.payload);
      if (changed !== alert) alert = state.update(state.alerts, 'alert', changed);
      state.addAction({
        id: state.nextId('AA'),
        alertId,
        operatorId,
        at: iso,
        kind: step.kind,
        payload: step.payload,
      });
    });
  }
  return alert;
}

/** A common night's handling: claimed within a minute, the client called, resolved. */
export const contactedAndResolved = (note: string): Step[] => [
  { kind: 'claim', payload: {}, afterMs: 45_000 },
  {
    kind: 'contact',
    payload: { who: 'client', channel: 'phone', outcome: note },
    afterMs: 4 * 60_000,
  },
  { kind: 'resolve', payload: { code: 'client_contacted', note }, afterMs: 6 * 60_000 },
];
