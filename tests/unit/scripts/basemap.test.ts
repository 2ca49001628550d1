import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '../../../scripts/basemap/build-basemap';
import { writePmtiles } from '../../../scripts/basemap/pmtiles-writer';

/** The PMTiles reader over bytes in memory (the reader the console's page uses). */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  };
  return new PMTiles(source);
}

describe('PMTiles writer', () => {
  it('writes an archive the PMTiles reader reads back tile by tile', async () => {
    const tiles = [
      { z: 0, x: 0, y: 0, data: Uint8Array.of(1, 2, 3) },
      { z: 1, x: 1, y: 0, data: Uint8Array.of(4) },
      { z: 1, x: 0, y: 1, data: Uint8Array.of(5, 6) },
    ];
    const archive = reader(
      writePmtiles(tiles, { bounds: [20, 55, 29, 58], center: [24, 57, 1], metadata: { a: 1 } }),
    );
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom, header.numAddressedTiles]).toEqual([0, 1, 3]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([20, 55, 29, 58]);
    for (const tile of tiles) {
      const got = await archive.getZxy(tile.z, tile.x, tile.y);
      expect(new Uint8Array(got!.data)).toEqual(tile.data);
    }
    expect(await archive.getZxy(1, 1, 1)).toBeUndefined();
    expect(await archive.getMetadata()).toEqual({ a: 1 });
  });
});

describe('the Baltic basemap', () => {
  it('holds land, borders and Rīga in the tile over Rīga, in the layers Protomaps draws', async () => {
    const archive = reader(buildBasemap(7));
    const got = await archive.getZxy(7, 72, 39); // Rīga (56.95 N, 24.11 E) at zoom 7
    const tile = new VectorTile(new Pbf(new Uint8Array(got!.data)));
    expect(Object.keys(tile.layers).sort()).toEqual(['boundaries', 'earth', 'places']);
    const places = tile.layers.places!;
    const names = Array.from(
      { length: places.length },
      (_, i) => places.feature(i).properties.name,
    );
    expect(names).toContain('Rīga');
    expect(tile.layers.boundaries!.feature(0).properties.kind_detail).toBe(2);
  });
});
