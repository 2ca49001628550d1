import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Polyline, Tooltip } from 'react-leaflet';
import { Basemaps } from '../map/Basemaps';
import { useMapPalette } from '../map/map-palette';

interface Point {
  lat: number;
  lon: number;
}

/** Where the station says it stands, against the client's registered home, with the distance. */
export function HomeMap({
  station,
  home,
  address,
}: {
  station: Point;
  home: Point | null;
  address: string | null;
}) {
  const { t } = useTranslation();
  const palette = useMapPalette();
  return (
    <MapContainer
      center={[station.lat, station.lon]}
      zoom={16}
      className="home-map"
      attributionControl={false}
    >
      <Basemaps />
      {home && (
        <>
          <Polyline
            positions={[
              [station.lat, station.lon],
              [home.lat, home.lon],
            ]}
            pathOptions={{ color: palette.markOutline, dashArray: '4 4', weight: 1 }}
          />
          <CircleMarker
            center={[home.lat, home.lon]}
            radius={6}
            pathOptions={{
              color: palette.markOutline,
              fillColor: palette.zone.inclusion,
              fillOpacity: 1,
            }}
          >
            <Tooltip>{address ?? t('report.homeAddress')}</Tooltip>
          </CircleMarker>
        </>
      )}
      <CircleMarker
        center={[station.lat, station.lon]}
        radius={7}
        pathOptions={{ color: palette.markOutline, fillColor: palette.alertMark, fillOpacity: 1 }}
      >
        <Tooltip>{t('report.station')}</Tooltip>
      </CircleMarker>
    </MapContainer>
  );
}
