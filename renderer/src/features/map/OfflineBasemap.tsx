import type { FeatureCollection, MultiLineString } from 'geojson';
import { memo, useEffect, useMemo, useState } from 'react';
import { GeoJSON, Pane, useMap } from 'react-leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { basemapNear, boxBasemap, type BoxedBasemap } from './basemap-near';
import { useMapPalette } from './map-palette';

/** ISO 3166-1 numeric code of Latvia in Natural Earth's data. */
const LATVIA = '428';

interface Basemap {
  land: FeatureCollection;
  borders: MultiLineString;
  latvia: FeatureCollection;
  /** The same shapes boxed for a small map's cut (basemap-near.ts), once one asks. */
  boxed: BoxedBasemap | null;
}

let loading: Promise<Basemap> | null = null;

/**
 * The atlas read and turned into shapes once per page: every map (the live map, an alert's
 * small map, each timeline opened) draws from the same shapes instead of parsing 750 kB again.
 */
function offlineBasemap(): Promise<Basemap> {
  loading ??= fetch(atlasUrl)
    .then((response) => response.json() as Promise<Topology>)
    .then((topology) => {
      const countries = topology.objects.countries as GeometryCollection;
      const land = feature(topology, countries) as FeatureCollection;
      return {
        land,
        borders: mesh(topology, countries, (a, b) => a !== b),
        latvia: { ...land, features: land.features.filter((f) => String(f.id) === LATVIA) },
        boxed: null,
      };
    })
    .catch((error: unknown) => {
      loading = null; // asked again by the next map
      throw error;
    });
  return loading;
}

/**
 * The basemap that needs no network: Natural Earth's 1:50m countries (world-atlas, bundled with
 * the console) as land, coastlines and borders, with Latvia's outline drawn stronger, in the
 * operator's theme. Drawn once: a map's page renders again each second (its clock) and with each
 * change, and a new style object would restyle every country's path each time (react-leaflet
 * compares the style by identity), so the styles change only with the theme. A small map passes
 * `near`, its centre: it gets the shapes around it, not the world.
 */
export const OfflineBasemap = memo(function OfflineBasemap({
  near,
}: {
  near?: { lat: number; lon: number } | undefined;
}) {
  const [map, setMap] = useState<Basemap | null>(null);
  const leaflet = useMap();
  const palette = useMapPalette();
  const style = useMemo(
    () => ({
      land: { color: palette.landLine, weight: 1, fillColor: palette.land, fillOpacity: 1 },
      borders: { color: palette.border, weight: 1 },
      latvia: { color: palette.homeCountry, weight: 2, fill: false },
    }),
    [palette],
  );
  const [lat, lon] = [near?.lat, near?.lon];
  const shapes = useMemo(() => {
    if (!map) return null;
    if (lat === undefined || lon === undefined)
      return { land: map.land, borders: map.borders, key: 'world' };
    // Boxed on the first small map: the live map and the replay never need it.
    map.boxed ??= boxBasemap(map.land, map.borders);
    return { ...basemapNear(map.boxed, lat, lon), key: `${lat},${lon}` };
  }, [map, lat, lon]);
  useEffect(() => {
    // Said on the map's element: tests and support can see the offline basemap is drawn.
    if (map) leaflet.getContainer().dataset.basemap = 'offline';
  }, [map, leaflet]);
  useEffect(() => {
    let live = true;
    void offlineBasemap().then((basemap) => live && setMap(basemap));
    return () => {
      live = false;
    };
  }, []);
  if (!map || !shapes) return null;
  // Its own pane below Leaflet's tile pane (200): a tile server or PMTiles file draws over it,
  // and the overlays (zones, clients) always stay above it.
  return (
    <Pane name="offline-basemap" style={{ zIndex: 150 }}>
      {/* react-leaflet reads `data` once: new shapes are a new layer. */}
      <GeoJSON
        key={`land ${shapes.key}`}
        data={shapes.land}
        interactive={false}
        style={style.land}
      />
      <GeoJSON
        key={`borders ${shapes.key}`}
        data={shapes.borders}
        interactive={false}
        style={style.borders}
      />
      <GeoJSON data={map.latvia} interactive={false} style={style.latvia} />
    </Pane>
  );
});
