import type { Position } from '../../../shared/central/records';
import type { StoredEvent } from './stored-event';

/**
 * Positions of a batch as columns. Packing happens on the core's thread (dates parsed there) and
 * the numeric columns move to the database worker without being copied; cloning thousands of
 * small objects across threads cost as much as writing them.
 */
export interface PackedPositions {
  count: number;
  seq: Float64Array;
  at: Float64Array;
  receivedAt: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  accuracyM: Float64Array;
  /** NaN where the device reported no speed. */
  speedKmh: Float64Array;
  clientId: string[];
  id: string[];
  deviceId: string[];
  source: Position['source'][];
}

export type OtherEvent = Exclude<StoredEvent, { type: 'position' }>;

/** A batch: positions as columns, every other event as it came. Both lists keep arrival order. */
export interface PackedBatch {
  positions: PackedPositions;
  others: OtherEvent[];
}

export function packPositions(
  positions: readonly { seq: number; data: Position }[],
): PackedPositions {
  const count = positions.length;
  const packed: PackedPositions = {
    count,
    seq: new Float64Array(count),
    at: new Float64Array(count),
    receivedAt: new Float64Array(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    accuracyM: new Float64Array(count),
    speedKmh: new Float64Array(count),
    clientId: new Array<string>(count),
    id: new Array<string>(count),
    deviceId: new Array<string>(count),
    source: new Array<Position['source']>(count),
  };
  for (let i = 0; i < count; i += 1) {
    const { seq, data: p } = positions[i]!;
    packed.seq[i] = seq;
    packed.at[i] = Date.parse(p.at);
    packed.receivedAt[i] = Date.parse(p.receivedAt);
    packed.lat[i] = p.lat;
    packed.lon[i] = p.lon;
    packed.accuracyM[i] = p.accuracyM;
    packed.speedKmh[i] = p.speedKmh ?? Number.NaN;
    packed.clientId[i] = p.clientId;
    packed.id[i] = p.id;
    packed.deviceId[i] = p.deviceId;
    packed.source[i] = p.source;
  }
  return packed;
}

export function packEvents(events: readonly StoredEvent[]): PackedBatch {
  const positions: Extract<StoredEvent, { type: 'position' }>[] = [];
  const others: OtherEvent[] = [];
  for (const event of events) {
    if (event.type === 'position') positions.push(event);
    else others.push(event);
  }
  return { positions: packPositions(positions), others };
}

/** The buffers to move (not copy) to the worker with the batch. */
export function transferList(batch: PackedBatch): ArrayBuffer[] {
  const { seq, at, receivedAt, lat, lon, accuracyM, speedKmh } = batch.positions;
  return [seq, at, receivedAt, lat, lon, accuracyM, speedKmh].map(
    (column) => column.buffer as ArrayBuffer,
  );
}
