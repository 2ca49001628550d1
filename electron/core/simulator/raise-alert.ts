import type { Alert, Position } from '../../../shared/central/records';
import type { ServiceState } from './service-state';

export interface NewAlert {
  clientId: string;
  deviceId: string | null;
  zoneId: string | null;
  type: Alert['type'];
  severity: Alert['severity'];
}

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
  const alert: Alert = {
    id: state.nextId('AL'),
    version: 1,
    ...fields,
    raisedAt: raisedAt ?? now,
    clearedAt: null,
    state: 'open',
    claimedBy: null,
    acknowledgedAt: null,
    resolvedAt: null,
    resolution: null,
    position: position && {
      lat: position.lat,
      lon: position.lon,
      accuracyM: position.accuracyM,
      at: position.at,
    },
    updatedAt: now,
  };
  return state.create(state.alerts, 'alert', alert);
}
