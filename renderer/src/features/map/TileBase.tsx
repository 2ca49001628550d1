import L from 'leaflet';
import { escapeHtml } from '../../../../shared/format/plain-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';

/** Failed tiles, with none loaded, before the map gives up on the tile server. */
const FAILURES_BEFORE_FALLBACK = 4;

/**
 * The institution's tile server over the offline basemap. If it fails (no tile loads and several
 * fail) the tile layer is taken away and a notice says the map shows the offline basemap.
 */
export function TileBase({
  url,
  attribution,
  subdomains,
}: {
  url: string;
  attribution: string;
  subdomains: string[];
}) {
  const map = useMap();
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  // The page keys this component by URL: a new server starts afresh, unfailed.
  useEffect(() => {
    let loaded = 0;
    let failures = 0;
    const layer = L.tileLayer(url, {
      attribution: escapeHtml(attribution),
      subdomains,
      maxZoom: 19,
      crossOrigin: false,
    });
    layer.on('tileload', () => (loaded += 1));
    layer.on('tileerror', () => {
      failures += 1;
      if (loaded === 0 && failures >= FAILURES_BEFORE_FALLBACK) {
        map.removeLayer(layer);
        setFailed(true);
      }
    });
    layer.addTo(map);
    return () => {
      map.removeLayer(layer);
    };
  }, [map, url, attribution, subdomains]);
  if (!failed) return null;
  return (
    <div className="map-notice" role="status" data-testid="tile-fallback">
      {t('map.tileFallback')}
    </div>
  );
}
