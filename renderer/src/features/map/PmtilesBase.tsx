import type L from 'leaflet';
import { useMapPalette } from './map-palette';
import { errorText } from '../../api/error-text';
import { escapeHtml } from '../../../../shared/format/plain-text';
import { EtagMismatch, PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { leafletLayer } from 'protomaps-leaflet';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import { api } from '../../api';

/**
 * The PMTiles file set in Settings, read through the core in byte ranges (the page never gets a
 * file URL, and the CSP stays as it is). A file replaced while open changes its etag: the reader
 * drops what it held and starts over.
 */
class CoreBasemapSource implements Source {
  constructor(private readonly path: string) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(
    offset: number,
    length: number,
    _signal?: AbortSignal,
    etag?: string,
  ): Promise<RangeResponse> {
    const range = await api.basemap.range({ offset, length });
    if (etag && range.etag !== etag) throw new EtagMismatch('The basemap file has changed');
    const bytes = Uint8Array.from(atob(range.bytes), (char) => char.charCodeAt(0));
    return { data: bytes.buffer, etag: range.etag };
  }
}

/**
 * A local PMTiles vector basemap over the offline one, in Protomaps' dark style. If the file
 * cannot be read or is not a PMTiles archive, a notice says so and the offline basemap stays.
 */
export function PmtilesBase({ path }: { path: string }) {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const palette = useMapPalette();
  // The theme's flavour and the operator's language for labels; a change draws the layer anew.
  const look = useMemo(
    () => ({ flavor: palette.basemapFlavor, sea: palette.sea, lang: i18n.language }),
    [palette, i18n.language],
  );
  // The page keys this component by path: a new file starts afresh, unfailed.
  useEffect(() => {
    const archive = new PMTiles(new CoreBasemapSource(path));
    let layer: L.Layer | null = null;
    let live = true;
    archive
      .getHeader()
      .then(async (header) => {
        const metadata = (await archive.getMetadata().catch(() => ({}))) as {
          attribution?: unknown;
        };
        if (!live) return;
        // protomaps-leaflet types its layer loosely; it is a Leaflet GridLayer.
        layer = leafletLayer({
          url: archive,
          flavor: look.flavor,
          lang: look.lang,
          maxDataZoom: header.maxZoom,
          // The sea is where the file has no land: the map's own sea colour, as offline.
          backgroundColor: look.sea,
          attribution:
            typeof metadata.attribution === 'string' ? escapeHtml(metadata.attribution) : '',
        }) as unknown as L.Layer;
        // How many of its tiles are drawn, on the map's element (what tests and support read).
        let drawn = 0;
        layer.on('tileload', () => {
          drawn += 1;
          map.getContainer().dataset.pmtilesTiles = String(drawn);
        });
        layer.addTo(map);
      })
      .catch((error: unknown) => live && setFailure(errorText(error, t)));
    return () => {
      live = false;
      if (layer) map.removeLayer(layer);
    };
  }, [map, path, t, look]);
  if (failure === null) return null;
  return (
    <div className="map-notice" role="status" data-testid="pmtiles-fallback">
      {t('map.pmtilesFallback', { reason: failure })}
    </div>
  );
}
