import type { Zone } from '../../../../shared/central/records';
import { scheduleInForce } from '../../../../shared/zones/schedule';
import { DARK_PALETTE, type MapPalette } from './map-colors';

export interface ZoneStyle {
  color: string;
  /** Solid when the zone is in force now, faint when its schedule has it off. */
  fillOpacity: number;
  opacity: number;
  dashArray: string | undefined;
  /** Draw a band of bufferM around it (outside an exclusion zone, inside an inclusion zone). */
  buffer: boolean;
  inForce: boolean;
  victim: boolean;
}

/**
 * How a zone is drawn now. A victim's zone (an exclusion zone of one client under victim
 * protection) has its own colour, because a breach of it is the most urgent thing on the map.
 */
export function zoneStyle(
  zone: Zone,
  at: Date,
  clientFlags: readonly string[] = [],
  colors: MapPalette['zone'] = DARK_PALETTE.zone,
): ZoneStyle {
  const inForce = scheduleInForce(zone.schedule, at);
  const victim =
    zone.kind === 'exclusion' &&
    zone.clientId !== null &&
    clientFlags.includes('victim_protection');
  return {
    color: victim ? colors.victim : colors[zone.kind],
    fillOpacity: inForce ? 0.22 : 0.04,
    opacity: inForce ? 0.95 : 0.35,
    dashArray: inForce ? undefined : '6 6',
    buffer: zone.bufferM > 0,
    inForce,
    victim,
  };
}
