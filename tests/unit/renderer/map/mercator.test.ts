import { describe, expect, it } from 'vitest';
import { worldPixel } from '../../../../renderer/src/features/map/mercator';

// Expected values are Leaflet 1.9's L.CRS.EPSG3857.latLngToPoint, taken in Chromium: the layer's
// own projection must put clients exactly where Leaflet puts everything else.
const LEAFLET: [lat: number, lon: number, zoom: number, x: number, y: number][] = [
  [56.9496, 24.1052, 14, 2377997.9355022223, 1286045.185052378],
  [0, 0, 0, 128, 128],
  [-33.9, 151.2, 7, 30146.56, 19667.243777718166],
  [89, -179.5, 3, 2.8444444444444343, 0],
];

describe('worldPixel', () => {
  it.each(LEAFLET)('projects %f, %f at zoom %i as Leaflet does', (lat, lon, zoom, x, y) => {
    const p = worldPixel(lat, lon, zoom);
    expect(p.x).toBeCloseTo(x, 6);
    expect(p.y).toBeCloseTo(y, 6);
  });
});
