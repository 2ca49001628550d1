import type { PointState } from './client-index';

/** The map's colours, from the theme's CSS variables (app/theme.css), for canvas and Leaflet. */
export interface MapPalette {
  state: Record<PointState, string>;
  sea: string;
  land: string;
  landLine: string;
  border: string;
  homeCountry: string;
  ring: string;
  selected: string;
  labelBg: string;
  zone: { inclusion: string; exclusion: string; victim: string };
  trail: string;
  alertMark: string;
  markOutline: string;
  /** protomaps-leaflet's flavour for a PMTiles basemap in this theme. */
  basemapFlavor: string;
}

/** The dark theme's values: what the map draws before any stylesheet has loaded. */
export const DARK_PALETTE: MapPalette = {
  state: { critical: '#ff3b3b', alert: '#f0b429', stale: '#8b98a9', ok: '#3fb950' },
  sea: '#0b1a2a',
  land: '#1c2430',
  landLine: '#3b4657',
  border: '#566173',
  homeCountry: '#8b98a9',
  ring: '#e6edf3',
  selected: '#4aa3ff',
  labelBg: '#0e1116',
  zone: { inclusion: '#3fb950', exclusion: '#ff8c42', victim: '#ff3b8b' },
  trail: '#4aa3ff',
  alertMark: '#ff5c5c',
  markOutline: '#ffffff',
  basemapFlavor: 'dark',
};
