import L from 'leaflet';
import { escapeHtml } from '../../../../shared/format/plain-text';
import { useConsole } from '../../app/console-context';
import { OfflineBasemap } from './OfflineBasemap';
import { OfflineOnlyNotice } from './OfflineOnlyNotice';
import { PmtilesBase } from './PmtilesBase';
import { TileBase } from './TileBase';

/**
 * The basemaps Settings call for, bottom up: the bundled offline one always (it is what stays when
 * the others fail), then a local PMTiles file, a WMS service and an XYZ tile server, if set.
 * Attribution is always text, never markup. `streetNotice`: say at street zoom when there is only
 * the offline outline (the full map; a small map beside an alert has no room for it).
 */
export function Basemaps({
  streetNotice = false,
  near,
}: {
  streetNotice?: boolean;
  /** A small map's centre: its offline basemap is cut to the shapes around it. */
  near?: { lat: number; lon: number };
}) {
  const { settings: s } = useConsole();
  const streets = s.pmtilesPath !== null || s.tileUrl !== null || s.wmsUrl !== null;
  return (
    <>
      <OfflineBasemap near={near} />
      {s.pmtilesPath && <PmtilesBase key={s.pmtilesPath} path={s.pmtilesPath} />}
      {s.wmsUrl && (
        <TileBase
          key={`${s.wmsUrl}|${s.wmsLayers}|${s.wmsFormat}|${s.wmsAttribution}`}
          create={() =>
            L.tileLayer.wms(s.wmsUrl!, {
              layers: s.wmsLayers,
              format: s.wmsFormat,
              attribution: escapeHtml(s.wmsAttribution),
              maxZoom: 19,
              crossOrigin: false,
            })
          }
        />
      )}
      {s.tileUrl && (
        <TileBase
          key={`${s.tileUrl}|${s.tileSubdomains.join()}|${s.tileAttribution}`}
          create={() =>
            L.tileLayer(s.tileUrl!, {
              attribution: escapeHtml(s.tileAttribution),
              subdomains: s.tileSubdomains,
              maxZoom: 19,
              crossOrigin: false,
            })
          }
        />
      )}
      {streetNotice && !streets && <OfflineOnlyNotice />}
    </>
  );
}
