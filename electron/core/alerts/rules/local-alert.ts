import type { Alert, Position } from '../../../../shared/central/records';
import { newAlertRecord } from '../../../../shared/central/new-alert';
import type { RuleOutcome } from './station-rules';

type Raise = Extract<RuleOutcome, { raise: unknown }>;

/**
 * The alert the console raises itself for a rule's outcome, with the service's types and shape.
 * Its id says it was raised here ("LOCAL-"), so it never collides with the service's ids.
 */
export function localAlert(
  outcome: Raise,
  clientId: string,
  sequence: number,
  position: Pick<Position, 'lat' | 'lon' | 'accuracyM' | 'at'> | null,
  now: string,
): Alert {
  const fields = {
    clientId,
    deviceId: outcome.deviceId,
    zoneId: null,
    type: outcome.raise,
    severity: outcome.severity,
  };
  return newAlertRecord(`LOCAL-${sequence}`, fields, position, outcome.at, now);
}

/** The same alert once its condition has ended: cleared, still waiting for a referent. */
export function clearedAlert(alert: Alert, at: string): Alert {
  return { ...alert, version: alert.version + 1, clearedAt: at, updatedAt: at };
}
