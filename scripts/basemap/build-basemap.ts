// npm run basemap:pmtiles -- --out <file.pmtiles> [--max-zoom 10]
// Builds a vector PMTiles basemap of the Baltic region from the Natural Earth data the console
// already bundles (world-atlas): land, country borders and the towns of the training world, in
// the layer names Protomaps' styles draw. For training and tests; a centre uses its own tiles.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import vtpbf from 'vt-pbf';
import countries from 'world-atlas/countries-50m.json' with { type: 'json' };
import { towns } from '../../electron/core/simulator/towns';
import { writePmtiles, type PmtilesTile } from './pmtiles-writer';

/** West, south, east, north: Latvia and its neighbours' border areas. */
export const BALTIC: [number, number, number, number] = [19.5, 54.8, 29.5, 58.6];

export function buildBasemap(maxZoom: number): Uint8Array {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const land = feature(topology, topology.objects.countries) as FeatureCollection;
  const borders: Feature = {
    type: 'Feature',
    properties: { kind: 'country', kind_detail: 2 },
    geometry: mesh(topology, topology.objects.countries, (a, b) => a !== b) as Geometry,
  };
  const places: FeatureCollection = {
    type: 'FeatureCollection',
    features: towns.map((town, rank) => ({
      type: 'Feature',
      properties: { kind: 'locality', name: town.name, min_zoom: rank === 0 ? 4 : 7 },
      geometry: { type: 'Point', coordinates: [town.lon, town.lat] },
    })),
  };
  const layers = {
    earth: new GeoJSONVT(
      {
        type: 'FeatureCollection',
        features: land.features.map((f) => ({ ...f, properties: { kind: 'earth' } })),
      },
      { maxZoom },
    ),
    boundaries: new GeoJSONVT({ type: 'FeatureCollection', features: [borders] }, { maxZoom }),
    places: new GeoJSONVT(places, { maxZoom }),
  };
  const tiles: PmtilesTile[] = [];
  for (let z = 0; z <= maxZoom; z += 1) {
    const [x0, y0] = tileOf(BALTIC[0], BALTIC[3], z);
    const [x1, y1] = tileOf(BALTIC[2], BALTIC[1], z);
    for (let x = x0; x <= x1; x += 1)
      for (let y = y0; y <= y1; y += 1) {
        const present = Object.fromEntries(
          Object.entries(layers).flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length > 0 ? [[name, tile]] : [];
          }),
        );
        if (Object.keys(present).length === 0) continue;
        tiles.push({ z, x, y, data: vtpbf.fromGeojsonVt(present as never, { version: 2 }) });
      }
  }
  return writePmtiles(tiles, {
    bounds: BALTIC,
    center: [24.6, 56.88, 7],
    metadata: { name: 'Sargs Baltic basemap', attribution: 'Natural Earth' },
  });
}

/** The XYZ tile holding a point at a zoom. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, x), Math.min(n - 1, y)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'max-zoom': { type: 'string', default: '10' } },
  });
  if (!values.out) throw new Error('--out <file.pmtiles> is required');
  const bytes = buildBasemap(Number(values['max-zoom']));
  writeFileSync(values.out, bytes);
  process.stdout.write(`${values.out}: ${(bytes.length / 1024).toFixed(0)} KiB\n`);
}
