import 'leaflet/dist/leaflet.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, MapContainer, Tooltip } from 'react-leaflet';
import type { Alert } from '../../../../shared/central/records';
import { fullView } from '../../../../shared/domain/map';
import { api } from '../../api';
import { useClock } from '../../api/use-clock';
import { useLive } from '../../api/use-live';
import { Basemaps } from '../map/Basemaps';
import { ZonesLayer } from '../map/ZonesLayer';
import { useMapPalette } from '../map/map-palette';

/**
 * Where the alert happened, on a small map centred there: its position with the fix's accuracy,
 * the client's zones, and where the client was last seen. Remounted per alert (the map's centre
 * is fixed after mount); "Show on map" opens the full map.
 */
export function AlertMiniMap({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  // Whether each zone is in force now: the live map's period, as schedules change by the minute.
  const now = useClock(5000);
  const palette = useMapPalette();
  // Kept while the theme is: a new style object restyles the path on every render.
  const style = useMemo(
    () => ({
      accuracy: { color: palette.alertMark, weight: 1, fillOpacity: 0.15 },
      alert: {
        color: palette.markOutline,
        weight: 2,
        fillColor: palette.alertMark,
        fillOpacity: 1,
      },
      lastSeen: {
        color: palette.markOutline,
        weight: 1,
        fillColor: palette.selected,
        fillOpacity: 1,
      },
    }),
    [palette],
  );
  // Without the client's record the alert's own position is still shown.
  const client = useLive(
    async () => fullView(await api.clients.detail({ clientId: alert.clientId })),
    [],
    [alert.clientId, alert.version],
  ).value;

  const at = alert.position ?? client?.lastFix ?? null;
  if (!at) return <p className="muted">{t('alerts.noPosition')}</p>;
  const last = client?.lastFix;
  return (
    <MapContainer
      center={[at.lat, at.lon]}
      zoom={15}
      className="alert-mini-map"
      attributionControl={false}
    >
      <Basemaps near={at} />
      {client && (
        <ZonesLayer zones={client.zones} now={new Date(now)} clientFlags={client.client.flags} />
      )}
      {alert.position && (
        <>
          <Circle
            center={[alert.position.lat, alert.position.lon]}
            radius={alert.position.accuracyM}
            pathOptions={style.accuracy}
          />
          <CircleMarker
            center={[alert.position.lat, alert.position.lon]}
            radius={7}
            pathOptions={style.alert}
          >
            <Tooltip>{t(`alertType.${alert.type}`)}</Tooltip>
          </CircleMarker>
        </>
      )}
      {last && (
        <CircleMarker center={[last.lat, last.lon]} radius={5} pathOptions={style.lastSeen}>
          <Tooltip>{t('alerts.lastSeen')}</Tooltip>
        </CircleMarker>
      )}
    </MapContainer>
  );
}
