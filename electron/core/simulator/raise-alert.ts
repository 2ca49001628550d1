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
  return state.create(state.alerts, 'alert', alert);
}
