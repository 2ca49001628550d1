import type { Alert } from '../central/records';
import type { Severity } from './alerts';

export type AlertType = Alert['type'];

/**
 * How urgent each alert type is when the console or its simulator raises one. The central
 * service sets its own severities; these are the centre's defaults for what is raised locally.
 */
export const alertSeverity: Record<AlertType, Severity> = {
  exclusion_entry: 'critical',
  victim_proximity: 'critical',
  strap_tamper: 'critical',
  inclusion_exit: 'high',
  curfew_violation: 'high',
  buffer_entry: 'high',
  case_tamper: 'high',
  battery_critical: 'high',
  base_station_power_loss: 'high',
  base_station_tamper: 'high',
  base_station_moved: 'high',
  battery_low: 'medium',
  no_communication: 'medium',
  no_location: 'medium',
  device_fault: 'low',
};

/** A battery below this percentage raises battery_low; below the critical one, battery_critical. */
export const BATTERY_LOW_PCT = 20;
export const BATTERY_CRITICAL_PCT = 8;

/** Alert types that speak of equipment rather than of the client's conduct (the handover lists them apart). */
export const equipmentAlertTypes: ReadonlySet<AlertType> = new Set<AlertType>([
  'battery_low',
  'battery_critical',
  'no_communication',
  'no_location',
  'base_station_power_loss',
  'base_station_tamper',
  'base_station_moved',
  'device_fault',
]);
