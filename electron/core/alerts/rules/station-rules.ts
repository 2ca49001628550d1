import {
  alertSeverity,
  BATTERY_CRITICAL_PCT,
  BATTERY_LOW_PCT,
  type AlertType,
} from '../../../../shared/domain/alert-types';
import type { Severity } from '../../../../shared/domain/alerts';
import type { StationEventCode, StationReading } from './station-reading';

/** A condition of one device: it holds (raise if not yet raised) or it has ended (clear). */
export interface Condition {
  deviceId: string;
  type: AlertType;
  holds: boolean;
}

export type RuleOutcome =
  | { raise: AlertType; severity: Severity; deviceId: string; at: string }
  | { clear: AlertType; deviceId: string; at: string };

/** The key under which a device's open local alert of a type is remembered. */
export const conditionKey = (deviceId: string, type: AlertType): string => `${deviceId}|${type}`;

/** Events that start or end a condition; the rest (MOVED, LOW_BATTERY) only start one. */
const eventConditions: Record<StationEventCode, { type: AlertType; holds: boolean; tag: boolean }> =
  {
    TAG_LOST: { type: 'no_communication', holds: true, tag: true },
    TAG_RETURN: { type: 'no_communication', holds: false, tag: true },
    STRAP_OPEN: { type: 'strap_tamper', holds: true, tag: true },
    STRAP_CLOSED: { type: 'strap_tamper', holds: false, tag: true },
    MAINS_LOST: { type: 'base_station_power_loss', holds: true, tag: false },
    MAINS_RESTORED: { type: 'base_station_power_loss', holds: false, tag: false },
    CASE_OPEN: { type: 'base_station_tamper', holds: true, tag: false },
    CASE_CLOSED: { type: 'base_station_tamper', holds: false, tag: false },
    MOVED: { type: 'base_station_moved', holds: true, tag: false },
    LOW_BATTERY: { type: 'battery_low', holds: true, tag: false },
  };

/** Battery readings: low and critical are exclusive, so a falling battery moves from one to the other. */
function batteryConditions(deviceId: string, pct: number): Condition[] {
  return [
    { deviceId, type: 'battery_critical', holds: pct < BATTERY_CRITICAL_PCT },
    { deviceId, type: 'battery_low', holds: pct >= BATTERY_CRITICAL_PCT && pct < BATTERY_LOW_PCT },
  ];
}

/** What a reading says about each condition it speaks of. */
export function conditionsOf(reading: StationReading): Condition[] {
  switch (reading.kind) {
    case 'event': {
      const rule = eventConditions[reading.code];
      // LOW_BATTERY names the tag whose battery is low, or '-' for the station's own.
      const tagged = rule.tag || (reading.code === 'LOW_BATTERY' && reading.tagId !== null);
      const deviceId = tagged ? reading.tagId : reading.stationId;
      return deviceId === null ? [] : [{ deviceId, type: rule.type, holds: rule.holds }];
    }
    case 'status':
      return [
        { deviceId: reading.stationId, type: 'base_station_power_loss', holds: !reading.mains },
        { deviceId: reading.stationId, type: 'base_station_tamper', holds: reading.caseOpen },
        ...batteryConditions(reading.stationId, reading.batteryPct),
      ];
    case 'heartbeat':
      return [
        // A heartbeat is the tag talking: it is not lost.
        { deviceId: reading.tagId, type: 'no_communication', holds: false },
        { deviceId: reading.tagId, type: 'strap_tamper', holds: reading.strap !== 'OK' },
        ...batteryConditions(reading.tagId, reading.tagBatteryPct),
      ];
  }
}

/**
 * The local alert rules: given a reading and the conditions already raised (by `conditionKey`),
 * what to raise and what to clear. A condition still holding is not raised twice; one that ends is
 * cleared, never resolved: a referent resolves it.
 */
export function evaluateReading(
  reading: StationReading,
  raised: ReadonlySet<string>,
): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const { deviceId, type, holds } of conditionsOf(reading)) {
    const isRaised = raised.has(conditionKey(deviceId, type));
    if (holds && !isRaised)
      outcomes.push({ raise: type, severity: alertSeverity[type], deviceId, at: reading.at });
    else if (!holds && isRaised) outcomes.push({ clear: type, deviceId, at: reading.at });
  }
  return outcomes;
}

/** The set of raised conditions after the outcomes (for a caller keeping its own state). */
export function afterOutcomes(raised: ReadonlySet<string>, outcomes: RuleOutcome[]): Set<string> {
  const next = new Set(raised);
  for (const outcome of outcomes) {
    if ('raise' in outcome) next.add(conditionKey(outcome.deviceId, outcome.raise));
    else next.delete(conditionKey(outcome.deviceId, outcome.clear));
  }
  return next;
}
