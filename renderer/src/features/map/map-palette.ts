import { useMemo } from 'react';
import type { Settings } from '../../../../shared/domain/settings';
import { useConsole } from '../../app/console-context';
import { DARK_PALETTE, type MapPalette } from './map-colors';

export { DARK_PALETTE, type MapPalette };

const palettes = new Map<string, MapPalette>();

/**
 * Reads a theme's map variables. A probe element carrying the theme's attribute gets them by
 * inheritance, so a theme can be read before (or without) it being applied to the page.
 */
export function readPalette(theme: Settings['theme']): MapPalette {
  const known = palettes.get(theme);
  if (known) return known;
  const probe = document.createElement('div');
  probe.dataset.theme = theme;
  probe.hidden = true;
  document.body.append(probe);
  const style = getComputedStyle(probe);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(`--map-${name}`).trim() || fallback;
  const d = DARK_PALETTE;
  const palette: MapPalette = {
    state: {
      critical: read('client-critical', d.state.critical),
      alert: read('client-alert', d.state.alert),
      stale: read('client-stale', d.state.stale),
      ok: read('client-ok', d.state.ok),
    },
    sea: read('sea', d.sea),
    land: read('land', d.land),
    landLine: read('land-line', d.landLine),
    border: read('border', d.border),
    homeCountry: read('home-country', d.homeCountry),
    ring: read('ring', d.ring),
    selected: read('selected', d.selected),
    labelBg: read('label-bg', d.labelBg),
    zone: {
      inclusion: read('zone-inclusion', d.zone.inclusion),
      exclusion: read('zone-exclusion', d.zone.exclusion),
      victim: read('zone-victim', d.zone.victim),
    },
    trail: read('trail', d.trail),
    alertMark: read('alert-mark', d.alertMark),
    markOutline: read('mark-outline', d.markOutline),
    basemapFlavor: read('basemap-flavor', d.basemapFlavor),
  };
  probe.remove();
  // Only a palette read from a loaded stylesheet is kept (the first read may come before it).
  if (style.getPropertyValue('--map-sea').trim() !== '') palettes.set(theme, palette);
  return palette;
}

/** The palette of the operator's theme. */
export function useMapPalette(): MapPalette {
  const { settings } = useConsole();
  return useMemo(() => readPalette(settings.theme), [settings.theme]);
}
