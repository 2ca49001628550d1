import 'leaflet/dist/leaflet.css';
import { useClock } from '../../api/use-clock';
import { currentLink, type Link } from '../../app/routes';

type MapLink = Extract<Link, { route: 'map' }>;
const linkFromHash = (): MapLink => currentLink('map') ?? { route: 'map' };
import { errorText } from '../../api/error-text';
import L from 'leaflet';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Polyline, useMap } from 'react-leaflet';
import { api } from '../../api';
import { useConsole } from '../../app/console-context';
import { Basemaps } from './Basemaps';
import type { ClientIndex } from './client-index';
import { ClientLayer } from './client-layer';
import { ClientPanel } from './ClientPanel';
import { useMapKeys } from './use-map-keys';
import { useMapData } from './use-map-data';
import { useSelectedClient } from './use-selected-client';
import { useMapPalette } from './map-palette';
import { ZonesLayer } from './ZonesLayer';

const LATVIA_CENTER: L.LatLngTuple = [56.88, 24.6];

/** The live map: every client, the selected one's zones, trail and panel. */
export function MapPage() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const palette = useMapPalette();
  const layer = useRef<ClientLayer | null>(null);
  const data = useMapData(() => layer.current?.redraw());
  const [initialLink] = useState(linkFromHash);
  const [selected, setSelected] = useState<string | null>(initialLink.client ?? null);
  const [following, setFollowing] = useState(false);
  const [query, setQuery] = useState('');
  const now = useClock(5000);
  const search = useRef<HTMLInputElement>(null);
  const map = useRef<L.Map | null>(null);

  const {
    detail: shownDetail,
    trail: shownTrail,
    error: selectedError,
  } = useSelectedClient(selected, settings.trailHours);

  /** Marks a client on the layer and, if asked, brings the map to them (no React state). */
  const show = useCallback(
    (id: string | null, centre: boolean) => {
      if (layer.current) {
        layer.current.selectedId = id;
        layer.current.redraw();
      }
      const point = id ? data.index.points.get(id) : undefined;
      if (centre && point && map.current)
        map.current.setView([point.lat, point.lon], Math.max(map.current.getZoom(), 15));
    },
    [data.index],
  );
  const select = useCallback(
    (id: string | null, centre = true) => {
      setSelected(id);
      show(id, centre);
    },
    [show],
  );

  // Follow: keep the selected client centred as their fixes arrive.
  useEffect(() => {
    if (!following || !selected) return;
    const off = api.on('map.fixes', ({ fixes }) => {
      const mine = fixes.find((fix) => fix[0] === selected);
      if (mine && map.current) map.current.panTo([mine[1], mine[2]], { animate: false });
    });
    return off;
  }, [following, selected]);

  // A link such as #/map?client=ID (a client anywhere in the app) selects and centres on them;
  // with &at=LAT,LON (an alert) it centres on where the alert happened instead.
  const place = useCallback(
    (link: MapLink) => {
      if (!link.client) return;
      show(link.client, link.at === undefined);
      if (link.at && map.current) map.current.setView(link.at, Math.max(map.current.getZoom(), 15));
    },
    [show],
  );
  useEffect(() => {
    const onHash = (): void => {
      const link = linkFromHash();
      if (link.client) setSelected(link.client);
      place(link);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [place]);
  useEffect(() => {
    if (data.loaded) place(initialLink);
  }, [data.loaded, initialLink, place]);

  useMapKeys({
    focusSearch: () => search.current?.focus(),
    step: (direction) => {
      const list = data.index.withAlerts(Date.now());
      if (list.length === 0) return;
      const at = list.findIndex((point) => point.id === selected);
      const next = list[(at + direction + list.length) % list.length]!;
      select(next.id);
    },
    zoomToAll: () => {
      const points = [...data.index.points.values()];
      if (points.length > 0 && map.current)
        map.current.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), {
          padding: [20, 20],
        });
    },
  });

  // The trail's length on the map's element (the trail is drawn on canvas, not as DOM).
  useEffect(() => {
    const container = map.current?.getContainer();
    if (container) container.dataset.trailPoints = String(shownTrail?.at.length ?? 0);
  }, [shownTrail]);

  const hits = data.index.search(query);
  const zones = shownDetail?.zones ?? [];
  const withAlerts = data.index.withAlerts(now).length;

  return (
    <section className="page map-page">
      <div className="map-toolbar">
        <div className="map-search">
          <input
            ref={search}
            type="search"
            placeholder={t('map.search')}
            aria-label={t('map.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="map-search"
          />
          {hits.length > 0 && (
            <ul className="map-hits" role="listbox">
              {hits.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setQuery('');
                      select(hit.id);
                    }}
                  >
                    {hit.name} · {hit.caseNumber}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <span data-testid="map-count" data-count={data.index.points.size}>
          {t('map.count', { count: data.index.points.size })}
        </span>
        {data.index.unplaced.size > 0 && (
          <span className="muted">{t('map.unplaced', { count: data.index.unplaced.size })}</span>
        )}
        <span className="muted">{t('map.withAlerts', { count: withAlerts })}</span>
        <span className="muted shortcuts">{t('map.shortcuts')}</span>
      </div>
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
          }}
        >
          <Basemaps />
          <ClientLayerBridge
            onLayer={(created) => {
              layer.current = created;
            }}
            index={data.index}
            onPick={(id) => select(id, false)}
            onMove={() => following && setFollowing(false)}
          />
          <ZonesLayer
            zones={zones}
            now={new Date(now)}
            clientFlags={shownDetail?.client.flags ?? []}
          />
          {shownTrail && shownTrail.at.length > 1 && (
            <Polyline
              positions={shownTrail.lat.map(
                (lat, i) => [lat, shownTrail.lon[i]!] as [number, number],
              )}
              pathOptions={{
                color: palette.trail,
                weight: 3,
                opacity: 0.8,
                className: 'client-trail',
              }}
            />
          )}
        </MapContainer>
        {shownDetail && (
          <ClientPanel
            detail={shownDetail}
            now={now}
            following={following}
            onFollow={setFollowing}
            onClose={() => select(null, false)}
          />
        )}
        {selected && selectedError !== null && (
          <div className="map-notice" role="alert" data-testid="client-error">
            {errorText(selectedError, t)}
          </div>
        )}
      </div>
    </section>
  );
}

/** Puts the canvas layer on the map and turns clicks into a selection. */
function ClientLayerBridge({
  onLayer,
  index,
  onPick,
  onMove,
}: {
  onLayer(layer: ClientLayer | null): void;
  index: ClientIndex;
  onPick(id: string): void;
  onMove(): void;
}) {
  const map = useMap();
  const pick = useEffectEvent(onPick);
  const move = useEffectEvent(onMove);
  const announce = useEffectEvent(onLayer);
  const palette = useMapPalette();
  const paletteNow = useEffectEvent(() => palette);
  const layer = useRef<ClientLayer | null>(null);
  useEffect(() => layer.current?.setPalette(palette), [palette]);
  useEffect(() => {
    const created = new ClientLayer(index);
    created.setPalette(paletteNow());
    layer.current = created;
    created.addTo(map);
    announce(created);
    // Where the map looks, on its element: what a test of "follow" reads.
    const container = map.getContainer();
    const onMoved = (): void => {
      const centre = map.getCenter();
      container.dataset.center = `${centre.lat.toFixed(6)},${centre.lng.toFixed(6)}`;
      container.dataset.zoom = String(map.getZoom());
    };
    onMoved();
    map.on('moveend', onMoved);
    // The client panel opening beside the map narrows it: Leaflet only watches the window, so
    // tell it, keeping the same centre (a selected client stays in the middle).
    const resized = new ResizeObserver(() => map.invalidateSize());
    resized.observe(container);
    const onClick = (event: L.LeafletMouseEvent): void => {
      const id = created.clientAt(event.containerPoint);
      if (id) pick(id);
    };
    const onDrag = (): void => move();
    map.on('click', onClick);
    map.on('dragstart', onDrag);
    return () => {
      map.off('click', onClick);
      map.off('dragstart', onDrag);
      map.off('moveend', onMoved);
      resized.disconnect();
      created.remove();
      layer.current = null;
      announce(null);
    };
  }, [map, index]);
  return null;
}
