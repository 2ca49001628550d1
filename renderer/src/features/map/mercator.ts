/** Leaflet's EPSG:3857 limit: beyond it the projection runs off to infinity. */
const MAX_LATITUDE = 85.0511287798;
const RAD = Math.PI / 180;

/**
 * Web Mercator in world pixels at a zoom (256 · 2^zoom across), exactly as Leaflet's EPSG3857
 * projects, but as plain numbers: the layer projects thousands of clients a frame, and Leaflet's
 * latLngToContainerPoint allocates half a dozen objects for each.
 */
export function worldPixel(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const scale = 256 * 2 ** zoom;
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const y = Math.log(Math.tan(Math.PI / 4 + (clamped * RAD) / 2));
  return { x: scale * (0.5 + lon / 360), y: scale * (0.5 - y / (2 * Math.PI)) };
}
