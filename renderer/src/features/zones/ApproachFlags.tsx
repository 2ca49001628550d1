import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import type { ClientIndex } from '../map/client-index';
import { useMapPalette } from '../map/map-palette';

/**
 * Every client the core judges to be heading into one of their exclusion zones, ringed on the map
 * where they now are, with the zone and the time to entry; a click opens their panel.
 */
export function ApproachFlags({
  index,
  onPick,
}: {
  index: ClientIndex;
  onPick(clientId: string): void;
}) {
  const { t } = useTranslation();
  const palette = useMapPalette();
  // SVG: a few rings, each an element a test or a screen reader can find.
  const renderer = useMemo(() => L.svg(), []);
  const flags = useLive(() => api.map.approaches({}), ['approaches.changed', 'map.reload'], []);
  return (
    <>
      {(flags.value?.items ?? []).map((flag) => {
        const point = index.points.get(flag.clientId);
        if (!point) return null;
        return (
          <CircleMarker
            key={flag.clientId}
            center={[point.lat, point.lon]}
            radius={14}
            renderer={renderer}
            className="approach-flag"
            pathOptions={{
              color: palette.zone.exclusion,
              weight: 3,
              dashArray: '4 3',
              fill: false,
            }}
            eventHandlers={{ click: () => onPick(flag.clientId) }}
          >
            <Tooltip>
              {point.name}:{' '}
              {t('map.approach', {
                zone: flag.zoneName,
                minutes: Math.max(1, Math.round(flag.etaS / 60)),
                speed: flag.speedKmh,
              })}
            </Tooltip>
          </CircleMarker>
        );
      })}
    </>
  );
}
