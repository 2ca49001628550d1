import { memo, useMemo } from 'react';
import { useMapPalette } from './map-palette';
import { Circle, Polygon, Tooltip } from 'react-leaflet';
import type { Zone } from '../../../../shared/central/records';
import { zoneStyle, type ZoneStyle } from './zone-style';

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
        const { color, fillOpacity, opacity, dashArray, buffer, inForce } = zoneStyle(
          zone,
          now,
          clientFlags,
          palette.zone,
        );
        return (
          <ZoneShape
            key={zone.id}
            zone={zone}
            color={color}
            fillOpacity={fillOpacity}
            opacity={opacity}
            dashArray={dashArray}
            buffer={buffer}
            inForce={inForce}
          />
        );
      })}
    </>
  );
}

type ShapeProps = { zone: Zone } & Omit<ZoneStyle, 'victim'>;

/** A zone's geometry as Leaflet takes it ([lat, lon]; GeoJSON holds [lon, lat]). */
type Shape =
  | { kind: 'circle'; centre: [number, number]; radius: number }
  | { kind: 'polygon'; rings: [number, number][][] };

/**
 * One zone, drawn again only when it or its look changed: react-leaflet sets new positions or a
 * new style on every render that hands it new objects, and the map's canvas then redraws every
 * path on it. The page renders on every alert change; the zones rarely change.
 */
const ZoneShape = memo(function ZoneShape({
  zone,
  color,
  fillOpacity,
  opacity,
  dashArray,
  buffer,
  inForce,
}: ShapeProps) {
  const path = useMemo(
    () => ({ color, fillColor: color, fillOpacity, opacity, dashArray, weight: 2 }),
    [color, fillOpacity, opacity, dashArray],
  );
  const band = useMemo(
    () => ({ color, opacity: opacity * 0.6, weight: 1, dashArray: '2 6', fill: false }),
    [color, opacity],
  );
  const shape = useMemo((): Shape => {
    const geometry = zone.geometry;
    if (geometry.type === 'Circle')
      return {
        kind: 'circle',
        centre: [geometry.center[1], geometry.center[0]],
        radius: geometry.radiusM,
      };
    return {
      kind: 'polygon',
      rings: geometry.coordinates.map((ring) =>
        ring.map(([lon, lat]) => [lat, lon] as [number, number]),
      ),
    };
  }, [zone.geometry]);
  const label = (
    <Tooltip>
      {zone.name}
      {inForce ? '' : ' (—)'}
    </Tooltip>
  );
  if (shape.kind === 'polygon')
    return (
      <Polygon positions={shape.rings} pathOptions={path}>
        {label}
      </Polygon>
    );
  const bandRadius =
    zone.kind === 'exclusion' ? shape.radius + zone.bufferM : shape.radius - zone.bufferM;
  return (
    <>
      <Circle center={shape.centre} radius={shape.radius} pathOptions={path}>
        {label}
      </Circle>
      {buffer && bandRadius > 0 && (
        <Circle center={shape.centre} radius={bandRadius} pathOptions={band} interactive={false} />
      )}
    </>
  );
});
