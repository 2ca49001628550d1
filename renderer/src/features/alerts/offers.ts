import { isStateMove, refusal, type ActionKind } from '../../../../shared/central/alert-workflow';
import { mayDo } from '../../../../shared/central/operations';
import { alertActionKinds, type Alert, type Operator } from '../../../../shared/central/records';

/** An action as the alert detail offers it: possible now, or why not. */
export interface Offer {
  kind: ActionKind;
  /** Null when the operator may do it now. */
  refusal: string | null;
}

/**
 * What the operator may do with an alert now: the service's state machine (shared), their role,
 * and no second move while one is still waiting to be sent (its version is about to change).
 */
export function offersFor(
  alert: Alert,
  operator: Pick<Operator, 'id' | 'roles'> | null,
  waitingMove: ActionKind | null,
): Offer[] {
  return alertActionKinds.map((kind) => {
    if (!operator) return { kind, refusal: 'nobody is signed in' };
    if (!mayDo(operator.roles, 'alert.action'))
      return { kind, refusal: 'your role does not handle alerts' };
    if (waitingMove && isStateMove(kind))
      return { kind, refusal: `a ${waitingMove} is still waiting to be sent` };
    return { kind, refusal: refusal(alert, kind, operator) };
  });
}
