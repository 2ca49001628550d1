import type { Alert, Position } from './records';

export interface NewAlert {
  clientId: string;
  deviceId: string | null;
  zoneId: string | null;
  type: Alert['type'];
  severity: Alert['severity'];
  /** 1.1: the protection order of a victim_proximity alert. */
  orderId?: string | null;
}

/**
 * An open alert as first raised, where the device last was (or at no position). The one shape
 * for every raiser: the training simulator's service and the console's own local rules.
 */
export function newAlertRecord(
  id: string,
  fields: NewAlert,
  position: Pick<Position, 'lat' | 'lon' | 'accuracyM' | 'at'> | null,
  raisedAt: string,
  now: string,
): Alert {
  return {
    id,
    version: 1,
    ...fields,
    raisedAt,
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
}
