import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapEvents } from 'react-leaflet';

/** From here in, the offline basemap (country outlines) has nothing to show. */
const STREET_ZOOM = 11;

/**
 * At street zoom with only the offline basemap, says that streets are not drawn and how to get
 * them, instead of leaving a referent before an empty plane.
 */
export function OfflineOnlyNotice() {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<number | null>(null);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  if ((zoom ?? map.getZoom()) < STREET_ZOOM) return null;
  return (
    <div className="map-notice" role="status" data-testid="offline-only">
      {t('map.offlineOnly')}
    </div>
  );
}
