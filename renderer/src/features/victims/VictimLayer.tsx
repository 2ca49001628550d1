import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, Tooltip } from 'react-leaflet';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import { useMapPalette } from '../map/map-palette';

/**
 * Victims on the live map: only those whose order has an unresolved `victim_proximity` alert, each
 * as a circle of the order's alert distance around the unit's last fix (the core audits each view
 * and stops answering once the alert is resolved). Follows the units' reports and the alerts.
 */
export function VictimLayer() {
  const { t } = useTranslation();
  const palette = useMapPalette();
  // SVG, not the map's canvas: a few circles, each an element a test or a screen reader can find.
  const renderer = useMemo(() => L.svg(), []);
  const shown = useLive(
    () => api.victims.shown({}),
    [
      'victims.changed',
      'map.reload',
      { event: 'alerts.changed', when: ({ alerts }) => alerts.some(isProximity) },
    ],
    [],
  );
  return (
    <>
      {(shown.value?.victims ?? []).map(
        (victim) =>
          victim.position && (
            <Circle
              key={victim.orderId}
              center={[victim.position.lat, victim.position.lon]}
              radius={victim.alertDistanceM}
              renderer={renderer}
              className="victim-circle"
              pathOptions={{
                color: palette.zone.victim,
                weight: 2,
                dashArray: '6 4',
                fillOpacity: 0.08,
              }}
            >
              <Tooltip>
                {t('victims.onMap', { id: victim.orderId, metres: victim.alertDistanceM })}
              </Tooltip>
            </Circle>
          ),
      )}
    </>
  );
}

const isProximity = (alert: { type: string }) => alert.type === 'victim_proximity';
