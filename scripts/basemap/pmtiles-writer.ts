// A minimal PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
// one root directory, no leaf directories, uncompressed directories and tiles. Enough for a
// regional basemap of a few thousand tiles; larger archives come from the institution's tooling.
import { zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesInfo {
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [lon: number, lat: number, zoom: number];
  metadata: Record<string, unknown>;
}

const HEADER_BYTES = 127;
/** Readers fetch the header and root directory in one 16 KiB read. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const NONE = 1;
const MVT = 1;

export function writePmtiles(tiles: readonly PmtilesTile[], info: PmtilesInfo): Uint8Array {
  const entries = tiles
    .map((tile) => ({ id: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((entry) => {
    const at = offset;
    offset += entry.data.length;
    return { ...entry, offset: at };
  });
  const directory = serializeDirectory(placed);
  if (directory.length > ROOT_LIMIT)
    throw new Error(
      `${entries.length} tiles need leaf directories, which this writer does not make`,
    );
  const metadata = new TextEncoder().encode(JSON.stringify(info.metadata));
  const zooms = tiles.map((tile) => tile.z);

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new TextEncoder().encode('PMTiles').forEach((byte, i) => header.setUint8(i, byte));
  header.setUint8(7, 3);
  const u64 = (at: number, value: number): void => header.setBigUint64(at, BigInt(value), true);
  const rootAt = HEADER_BYTES;
  const metadataAt = rootAt + directory.length;
  const dataAt = metadataAt + metadata.length;
  u64(8, rootAt);
  u64(16, directory.length);
  u64(24, metadataAt);
  u64(32, metadata.length);
  u64(40, dataAt); // no leaf directories: an empty section where the data starts
  u64(48, 0);
  u64(56, dataAt);
  u64(64, offset);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  header.setUint8(96, 1); // clustered: tiles in tile-id order
  header.setUint8(97, NONE);
  header.setUint8(98, NONE);
  header.setUint8(99, MVT);
  header.setUint8(100, Math.min(...zooms));
  header.setUint8(101, Math.max(...zooms));
  const e7 = (degrees: number): number => Math.round(degrees * 1e7);
  const [west, south, east, north] = info.bounds;
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  header.setUint8(118, info.center[2]);
  header.setInt32(119, e7(info.center[0]), true);
  header.setInt32(123, e7(info.center[1]), true);

  const out = new Uint8Array(dataAt + offset);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(directory, rootAt);
  out.set(metadata, metadataAt);
  for (const entry of placed) out.set(entry.data, dataAt + entry.offset);
  return out;
}

/** Entries as the spec lays them out: ids as deltas, then run lengths, lengths and offsets. */
function serializeDirectory(
  entries: { id: number; offset: number; data: Uint8Array }[],
): Uint8Array {
  const bytes: number[] = [];
  const varint = (value: number): void => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  varint(entries.length);
  let last = 0;
  for (const entry of entries) {
    varint(entry.id - last);
    last = entry.id;
  }
  for (let i = 0; i < entries.length; i += 1) varint(1);
  for (const entry of entries) varint(entry.data.length);
  // 0 means "right after the previous tile", which every tile here is.
  entries.forEach((entry, i) => varint(i === 0 ? entry.offset + 1 : 0));
  return Uint8Array.from(bytes);
}
