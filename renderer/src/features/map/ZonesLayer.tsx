import { Fragment } from 'react';
import { useMapPalette } from './map-palette';
import { Circle, Polygon, Tooltip } from 'react-leaflet';
import type { Zone } from '../../../../shared/central/records';
import { zoneStyle } from './zone-style';

/**
 * A client's zones: inclusion and exclusion areas, their buffer band, solid when in force now
 * and faint when their schedule has them off; a victim's zone in its own colour. (A polygon's
 * buffer band is not drawn: offsetting a polygon needs a geometry library the map does not have.)
 */
export function ZonesLayer({
  zones,
  now,
  clientFlags,
}: {
  zones: readonly Zone[];
  now: Date;
  clientFlags: readonly string[];
}) {
  const palette = useMapPalette();
  return (
    <>
      {zones.map((zone) => {
        const style = zoneStyle(zone, now, clientFlags, palette.zone);
        const path = {
          color: style.color,
          fillColor: style.color,
          fillOpacity: style.fillOpacity,
          opacity: style.opacity,
          dashArray: style.dashArray,
          weight: 2,
        };
        const band = {
          color: style.color,
          opacity: style.opacity * 0.6,
          weight: 1,
          dashArray: '2 6',
          fill: false,
        };
        const label = (
          <Tooltip>
            {zone.name}
            {style.inForce ? '' : ' (—)'}
          </Tooltip>
        );
        if (zone.geometry.type === 'Circle') {
          const [lon, lat] = zone.geometry.center;
          const radius = zone.geometry.radiusM;
          const bandRadius =
            zone.kind === 'exclusion' ? radius + zone.bufferM : radius - zone.bufferM;
          return (
            <Fragment key={zone.id}>
              <Circle center={[lat, lon]} radius={radius} pathOptions={path}>
                {label}
              </Circle>
              {style.buffer && bandRadius > 0 && (
                <Circle
                  center={[lat, lon]}
                  radius={bandRadius}
                  pathOptions={band}
                  interactive={false}
                />
              )}
            </Fragment>
          );
        }
        const rings = zone.geometry.coordinates.map((ring) =>
          ring.map(([lon, lat]) => [lat, lon] as [number, number]),
        );
        return (
          <Polygon key={zone.id} positions={rings} pathOptions={path}>
            {label}
          </Polygon>
        );
      })}
    </>
  );
}
