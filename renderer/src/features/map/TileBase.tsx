import type L from 'leaflet';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';

/** Failed tiles, with none loaded, before the map gives up on the tile server. */
const FAILURES_BEFORE_FALLBACK = 4;

/**
 * A server's tiles (XYZ or WMS) over the offline basemap. If it fails (no tile loads and several
 * fail) the layer is taken away and a notice says the map shows the offline basemap. The page
 * keys this component by the server's settings: a new server starts afresh, unfailed.
 */
export function TileBase({ create }: { create: () => L.TileLayer }) {
  const map = useMap();
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [make] = useState(() => create);
  useEffect(() => {
    let loaded = 0;
    let failures = 0;
    const layer = make();
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
  }, [map, make]);
  if (!failed) return null;
  return (
    <div className="map-notice" role="status" data-testid="tile-fallback">
      {t('map.tileFallback')}
    </div>
  );
}
