import './geoman';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { ZoneGeometry } from '../../../../shared/central/records';

export type DrawShape = 'circle' | 'polygon';

/** Coordinates to 1e-6° (about 10 cm): what a fix is given to, no false precision. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** The zone geometry of a drawn or edited layer, as central-api.md has it ([lon, lat]). */
function geometryOf(layer: L.Layer): ZoneGeometry | null {
  if (layer instanceof L.Circle) {
    const { lat, lng } = layer.getLatLng();
    return {
      type: 'Circle',
      center: [round(lng), round(lat)],
      radiusM: Math.round(layer.getRadius()),
    };
  }
  if (layer instanceof L.Polygon) {
    const corners = (layer.getLatLngs()[0] ?? []) as L.LatLng[];
    if (corners.length === 0) return null;
    const ring = corners.map(({ lat, lng }) => [round(lng), round(lat)] as [number, number]);
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }
  return null;
}

function layerOf(geometry: ZoneGeometry, style: L.PathOptions): L.Circle | L.Polygon {
  if (geometry.type === 'Circle') {
    const [lon, lat] = geometry.center;
    return L.circle([lat, lon], { ...style, radius: geometry.radiusM });
  }
  // The ring is stored closed; Leaflet closes it itself.
  const ring = geometry.coordinates[0]!.slice(0, -1).map(([lon, lat]) => L.latLng(lat, lon));
  return L.polygon(ring, style);
}

/**
 * The zone being edited, on the map, with leaflet-geoman: a circle or polygon drawn anew
 * (`drawing`), or the draft's shape with handles to drag its corners, centre or edge. Each
 * finished drawing or edit reports the new geometry. Drawn in SVG (the live map's canvas renderer
 * gives geoman no handles to hold), with the client's home as a point that corners snap to.
 * Takes the map itself, so that it can live beside the editor's panel, outside the map's tree.
 */
export function ZoneDrawing({
  map,
  geometry,
  drawing,
  color,
  home,
  onGeometry,
}: {
  map: L.Map;
  geometry: ZoneGeometry | null;
  drawing: DrawShape | null;
  color: string;
  home: { lat: number; lon: number } | null;
  onGeometry(geometry: ZoneGeometry): void;
}) {
  const report = useRef(onGeometry);
  useEffect(() => {
    report.current = onGeometry;
  });
  const [svg] = useState(() => L.svg());

  useEffect(() => {
    if (!home) return;
    const marker = L.circleMarker([home.lat, home.lon], {
      renderer: svg,
      radius: 5,
      color,
      weight: 2,
      className: 'zone-home',
    }).addTo(map);
    return () => void marker.remove();
  }, [map, home, color, svg]);

  useEffect(() => {
    if (!drawing) return;
    const style = { color, renderer: svg };
    map.pm.enableDraw(drawing === 'circle' ? 'Circle' : 'Polygon', {
      snappable: true,
      snapDistance: 25,
      tooltips: false,
      allowSelfIntersection: true,
      templineStyle: style,
      hintlineStyle: { ...style, dashArray: '5 5' },
      pathOptions: style,
    });
    const created = ({ layer }: { layer: L.Layer }) => {
      const drawn = geometryOf(layer);
      layer.remove();
      if (drawn) report.current(drawn);
    };
    map.on('pm:create', created);
    return () => {
      map.off('pm:create', created);
      map.pm.disableDraw();
    };
  }, [map, drawing, color, svg]);

  const key = geometry ? JSON.stringify(geometry) : null;
  useEffect(() => {
    if (!geometry || drawing) return;
    const layer = layerOf(geometry, {
      color,
      weight: 3,
      fillOpacity: 0.15,
      renderer: svg,
      className: 'zone-draft',
    }).addTo(map);
    // Our own checks say why a shape cannot be sent; geoman's refusal would only stop the drag.
    layer.pm.enable({ allowSelfIntersection: true, snappable: true, snapDistance: 25 });
    const edited = () => {
      const next = geometryOf(layer);
      if (next) report.current(next);
    };
    layer.on('pm:edit', edited);
    return () => {
      layer.off('pm:edit', edited);
      layer.pm.disable();
      layer.remove();
    };
    // The geometry by value: a new object with the same shape keeps the handles in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key, drawing, color, svg]);

  return null;
}
