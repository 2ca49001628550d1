import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Polyline } from 'react-leaflet';
import { errorText } from '../../api/error-text';
import { useClock } from '../../api/use-clock';
import { useConsole } from '../../app/console-context';
import { Basemaps } from './Basemaps';
import type { ClientLayer } from './client-layer';
import { ClientLayerBridge } from './ClientLayerBridge';
import { ClientPanel } from './ClientPanel';
import { useMapPalette } from './map-palette';
import { MapToolbar } from './MapToolbar';
import { useMapData } from './use-map-data';
import { useMapKeys } from './use-map-keys';
import { useMapSelection, type MapView } from './use-map-selection';
import { useSelectedClient } from './use-selected-client';
import { ZonesLayer } from './ZonesLayer';
import { VictimLayer } from '../victims/VictimLayer';
import { ZoneEditSession } from '../zones/ZoneEditSession';
import { ApproachFlags } from '../zones/ApproachFlags';
import type { Zone } from '../../../../shared/central/records';
import './map.css';

const LATVIA_CENTER: L.LatLngTuple = [56.88, 24.6];

/** The live map: every client, the selected one's zones, trail and panel. */
export function MapPage() {
  const { t } = useTranslation();
  const { settings, may } = useConsole();
  const palette = useMapPalette();
  const layer = useRef<ClientLayer | null>(null);
  const map = useRef<L.Map | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const data = useMapData(() => layer.current?.redraw());
  const now = useClock(5000);
  const view = useMemo<MapView>(
    () => ({
      mark: (id) => {
        layer.current?.select(id);
      },
      centre: (lat, lon) => map.current?.setView([lat, lon], Math.max(map.current.getZoom(), 15)),
      pan: (lat, lon) => map.current?.panTo([lat, lon], { animate: false }),
    }),
    [],
  );
  const { selected, select, following, setFollowing } = useMapSelection(
    data.index,
    data.loaded,
    view,
  );
  const { detail, trail, error } = useSelectedClient(selected, settings.trailHours);
  // The zone in the editor (null: a new one), for the client it was opened on.
  const [leaflet, setLeaflet] = useState<L.Map | null>(null);
  const [editing, setEditing] = useState<{ clientId: string; zone: Zone | null } | null>(null);
  const edited = editing && detail && editing.clientId === detail.client.id ? editing : null;

  useMapKeys({
    focusSearch: () => search.current?.focus(),
    step: (direction) => {
      const list = data.index.withAlerts(Date.now());
      if (list.length === 0) return;
      const at = list.findIndex((point) => point.id === selected);
      select(list[(at + direction + list.length) % list.length]!.id);
    },
    zoomToAll: () => {
      const points = [...data.index.points.values()];
      if (points.length > 0 && map.current)
        map.current.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), {
          padding: [20, 20],
        });
    },
  });

  // The side panel opening or changing width (the client's, the zone editor's) and banners above
  // the page change the map's size: Leaflet only watches the window, so tell it, keeping the same
  // centre (a selected client stays in the middle).
  useEffect(() => {
    if (!leaflet) return;
    const observer = new ResizeObserver(() => leaflet.invalidateSize({ animate: false }));
    observer.observe(leaflet.getContainer());
    return () => observer.disconnect();
  }, [leaflet]);

  // Vector layers get the same props while nothing changed: react-leaflet sets a new position
  // list or style on every render it sees one, and the map's canvas then redraws every path
  // (a two-hour trail, the zones) — 30–60 ms a time in the soak, on each alert change.
  const trailPositions = useMemo(
    () =>
      trail && trail.at.length > 1
        ? trail.lat.map((lat, i) => [lat, trail.lon[i]!] as L.LatLngTuple)
        : null,
    [trail],
  );
  const trailStyle = useMemo(
    () => ({ color: palette.trail, weight: 3, opacity: 0.8, className: 'client-trail' }),
    [palette],
  );
  const approachStyle = useMemo(
    () => ({ color: palette.zone.exclusion, weight: 3, dashArray: '8 6' }),
    [palette],
  );
  const approachLines = useMemo(() => {
    const from = detail?.lastFix;
    if (!from) return [];
    return detail.approaches.map((approach) => ({
      zoneId: approach.zoneId,
      positions: [
        [from.lat, from.lon],
        [approach.entry.lat, approach.entry.lon],
      ] as L.LatLngTuple[],
    }));
  }, [detail]);

  // The trail's length on the map's element (the trail is drawn on canvas, not as DOM).
  useEffect(() => {
    const container = map.current?.getContainer();
    if (container) container.dataset.trailPoints = String(trail?.at.length ?? 0);
  }, [trail]);

  return (
    <section className="page map-page">
      <MapToolbar index={data.index} now={now} search={search} onSelect={select} />
      <div className="map-body">
        <MapContainer
          center={LATVIA_CENTER}
          zoom={7}
          className="map"
          preferCanvas
          worldCopyJump={false}
          data-testid="map"
          ref={(instance) => {
            map.current = instance;
            setLeaflet(instance);
          }}
        >
          <Basemaps streetNotice />
          <ClientLayerBridge
            onLayer={(created) => {
              layer.current = created;
            }}
            index={data.index}
            onPick={(id) => select(id, false)}
            onMove={() => following && setFollowing(false)}
          />
          <VictimLayer />
          <ApproachFlags index={data.index} onPick={(id) => select(id, false)} />
          <ZonesLayer
            zones={(detail?.zones ?? []).filter((zone) => zone.id !== edited?.zone?.id)}
            now={new Date(now)}
            clientFlags={detail?.client.flags ?? []}
          />
          {approachLines.map((line) => (
            // The course carried on to where it would enter the zone: the warning on the map.
            <Polyline key={line.zoneId} positions={line.positions} pathOptions={approachStyle} />
          ))}
          {trailPositions && <Polyline positions={trailPositions} pathOptions={trailStyle} />}
        </MapContainer>
        {detail && edited && leaflet ? (
          <ZoneEditSession
            key={edited.zone?.id ?? 'new'}
            map={leaflet}
            client={detail.client}
            zone={edited.zone}
            now={now}
            search={(query) => data.index.search(query, 12)}
            nameOf={(id) => data.index.points.get(id)?.name ?? id}
            onClose={() => setEditing(null)}
          />
        ) : (
          detail && (
            <ClientPanel
              detail={detail}
              now={now}
              following={following}
              onFollow={setFollowing}
              onClose={() => select(null, false)}
              onEditZone={
                may('zones.save')
                  ? (zone) => setEditing({ clientId: detail.client.id, zone })
                  : undefined
              }
            />
          )
        )}
        {(data.error !== null || (selected && error !== null)) && (
          <div className="map-notice" role="alert" data-testid="map-error">
            {errorText(data.error ?? error, t)}
          </div>
        )}
      </div>
    </section>
  );
}
