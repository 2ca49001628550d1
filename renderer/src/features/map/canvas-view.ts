import type L from 'leaflet';
import { worldPixel } from './mercator';

/** The view a frame of the clients' canvas was drawn in: later frames draw changes in it. */
export interface CanvasView {
  /** Layer point of the canvas's top-left corner, plus the map's pixel origin: world pixels. */
  origin: L.Point;
  zoom: number;
  /** Clients inside these are drawn (the view and a margin). */
  bounds: L.LatLngBounds;
  /** The index's load it was drawn from. */
  generation: number;
}

export const within = (bounds: L.LatLngBounds, client: { lat: number; lon: number }): boolean =>
  client.lat >= bounds.getSouth() &&
  client.lat <= bounds.getNorth() &&
  client.lon >= bounds.getWest() &&
  client.lon <= bounds.getEast();

/** Container pixels of a position in a drawn view, without Leaflet's allocations. */
export function projection(
  view: Pick<CanvasView, 'origin' | 'zoom'>,
): (lat: number, lon: number) => { x: number; y: number } {
  return (lat, lon) => {
    const p = worldPixel(lat, lon, view.zoom);
    return { x: p.x - view.origin.x, y: p.y - view.origin.y };
  };
}

/** Container pixels of a position in the map's current view. */
export function containerProjection(
  map: L.Map,
): (lat: number, lon: number) => { x: number; y: number } {
  const origin = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
  return projection({ origin, zoom: map.getZoom() });
}
