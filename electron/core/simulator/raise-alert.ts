import type { Alert, Position } from '../../../shared/central/records';
import { newAlertRecord, type NewAlert } from '../../../shared/central/new-alert';
import type { ServiceState } from './service-state';

export type { NewAlert };

/**
 * Raises an open alert where the client's device last was (or at no position), at `raisedAt`:
 * the fix that showed the condition, or now.
 */
export function raiseAlert(
  state: ServiceState,
  fields: NewAlert,
  position: Position | null,
  raisedAt = position?.at,
): Alert {
  const now = state.now().toISOString();
  const alert = newAlertRecord(state.nextId('AL'), fields, position, raisedAt ?? now, now);
  // 1.1 `suppressions`: raised all the same, marked so that no console sounds it.
  const suppression = state.suppressionFor(fields.clientId, fields.type, now);
  return state.create(state.alerts, 'alert', {
    ...alert,
    ...(suppression && { suppressedBy: suppression.id }),
  });
}
