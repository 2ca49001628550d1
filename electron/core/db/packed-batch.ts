import type { Position } from '../../../shared/central/records';
import type { FixTuple } from '../../../shared/domain/map';
import { positionSources, sourceCode } from '../../../shared/domain/timeline';
import type { StoredEvent } from './stored-event';

/**
 * Positions of a batch as columns. Packing happens on the core's thread (dates parsed there) and
 * the numeric columns move to the database worker without being copied; cloning thousands of
 * small objects across threads cost as much as writing them.
 *
 * Clients and devices are each named once per batch and indexed per fix: a catch-up batch of
 * 40,000 fixes names each of 10,000 clients about four times, and every string held until the
 * batch is written outlived the young generation on both threads (the core while the batch
 * filled, the store's worker while it wrote it). Dead, they piled up in the old generations
 * until a full collection: most of bench:central's peak above the console's steady memory.
 *
 * For the same reason each fix's id is kept as bytes, not as a string: the strings of 40,000 ids
 * per batch, alive until it was written, were promoted on both threads and piled up the same way
 * (bench:central's peak: ~400 MB with them, ~300 MB without).
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
  /** Each fix's client, as an index into `clients`. */
  client: Uint32Array;
  clients: string[];
  /** Each fix's device, as an index into `devices`. */
  device: Uint32Array;
  devices: string[];
  /** Each fix's source, as an index into positionSources. */
  source: Uint8Array;
  /** Every fix's id as UTF-8, back to back; read with idOf. */
  idBytes: Uint8Array;
  /** Where each fix's id ends in idBytes (it starts where the one before ends). */
  idEnd: Uint32Array;
}

export type OtherEvent = Exclude<StoredEvent, { type: 'position' }>;

/** A batch: positions as columns, every other event as it came. Both lists keep arrival order. */
export interface PackedBatch {
  positions: PackedPositions;
  others: OtherEvent[];
}

const NUMERIC = ['seq', 'at', 'receivedAt', 'lat', 'lon', 'accuracyM', 'speedKmh'] as const;

interface Columns extends Record<(typeof NUMERIC)[number], Float64Array> {
  client: Uint32Array;
  device: Uint32Array;
  source: Uint8Array;
  idEnd: Uint32Array;
}
/** Every typed column of one value per fix: grown together, and moved to the worker with the batch. */
const COLUMNS = [...NUMERIC, 'client', 'device', 'source', 'idEnd'] as const;

/** Names given once, each with its index in order of first use. */
class Names {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(name, i);
      this.list.push(name);
    }
    return i;
  }
}

/**
 * Packs events into a batch as they arrive. The stream's events go into columns at once rather
 * than waiting in the ingest queue as parsed objects: a catch-up holds up to three batches of
 * 40,000 events, and as objects (~450 bytes each) they lived long enough to be promoted into the
 * old generation, which is most of what a catch-up added to the core's heap.
 */
export class BatchBuilder {
  private capacity: number;
  private columns: Columns;
  private readonly clients = new Names();
  private readonly devices = new Names();
  /** The ids' bytes; a Buffer for its fast UTF-8 writes. */
  private idBytes: Buffer;
  private idLength = 0;
  private readonly others: OtherEvent[] = [];
  private positions = 0;
  /** The highest seq added, or null while empty. */
  lastSeq: number | null = null;

  constructor(capacity = 256) {
    this.capacity = Math.max(1, capacity);
    this.columns = allocate(this.capacity);
    // Not zeroed: only the bytes written are ever read. Not pooled: its buffer moves to the worker.
    this.idBytes = Buffer.allocUnsafeSlow(this.capacity * 16);
  }

  /** Events added so far, positions and others. */
  get size(): number {
    return this.positions + this.others.length;
  }

  add(event: StoredEvent): void {
    if (this.lastSeq === null || event.seq > this.lastSeq) this.lastSeq = event.seq;
    if (event.type !== 'position') {
      this.others.push(event);
      return;
    }
    this.addPosition(event.seq, event.data);
  }

  addPosition(seq: number, p: Position): void {
    if (this.positions === this.capacity) this.grow();
    const i = this.positions;
    const c = this.columns;
    c.seq[i] = seq;
    c.at[i] = Date.parse(p.at);
    c.receivedAt[i] = Date.parse(p.receivedAt);
    c.lat[i] = p.lat;
    c.lon[i] = p.lon;
    c.accuracyM[i] = p.accuracyM;
    c.speedKmh[i] = p.speedKmh ?? Number.NaN;
    c.client[i] = this.clients.of(p.clientId);
    c.device[i] = this.devices.of(p.deviceId);
    c.source[i] = sourceCode(p.source);
    // Room for any id, whatever checked it: UTF-8 takes at most three bytes per UTF-16 unit.
    while (this.idLength + p.id.length * 3 > this.idBytes.length) this.growIdBytes();
    this.idLength += this.idBytes.write(p.id, this.idLength, 'utf8');
    c.idEnd[i] = this.idLength;
    this.positions = i + 1;
  }

  /** The batch; the builder is not to be used after. */
  build(): PackedBatch {
    const count = this.positions;
    const c = this.columns;
    // Views of the filled part: the whole buffer moves to the worker, the view says how much counts.
    const view = <T extends Float64Array | Uint32Array | Uint8Array>(column: T): T =>
      column.subarray(0, count) as T;
    return {
      positions: {
        count,
        seq: view(c.seq),
        at: view(c.at),
        receivedAt: view(c.receivedAt),
        lat: view(c.lat),
        lon: view(c.lon),
        accuracyM: view(c.accuracyM),
        speedKmh: view(c.speedKmh),
        client: view(c.client),
        clients: this.clients.list,
        device: view(c.device),
        devices: this.devices.list,
        source: view(c.source),
        idBytes: new Uint8Array(this.idBytes.buffer, this.idBytes.byteOffset, this.idLength),
        idEnd: view(c.idEnd),
      },
      others: this.others,
    };
  }

  private grow(): void {
    const old = this.columns;
    this.capacity *= 2;
    this.columns = allocate(this.capacity);
    for (const name of COLUMNS) this.columns[name].set(old[name]);
  }

  private growIdBytes(): void {
    const more = Buffer.allocUnsafeSlow(this.idBytes.length * 2);
    this.idBytes.copy(more, 0, 0, this.idLength);
    this.idBytes = more;
  }
}

function allocate(capacity: number): Columns {
  const numeric = Object.fromEntries(
    NUMERIC.map((name) => [name, new Float64Array(capacity)]),
  ) as Record<(typeof NUMERIC)[number], Float64Array>;
  return {
    ...numeric,
    client: new Uint32Array(capacity),
    device: new Uint32Array(capacity),
    source: new Uint8Array(capacity),
    idEnd: new Uint32Array(capacity),
  };
}

export function packPositions(
  positions: readonly { seq: number; data: Position }[],
): PackedPositions {
  const builder = new BatchBuilder(positions.length);
  for (const { seq, data } of positions) builder.addPosition(seq, data);
  return builder.build().positions;
}

export function packEvents(events: readonly StoredEvent[]): PackedBatch {
  const builder = new BatchBuilder(events.length);
  for (const event of events) builder.add(event);
  return builder.build();
}

/** What a committed batch brought, for the windows' live view: each client's newest fix, the rest as it came. */
export interface AppliedBatch {
  fixes: FixTuple[];
  others: readonly OtherEvent[];
}

/**
 * The newest fix of each client in a batch, as the map draws it. Read on the core's thread before
 * the batch's columns move to the worker.
 */
export function newestFixes(positions: PackedPositions): FixTuple[] {
  // Each client's newest fix, by the client's index.
  const newest = new Int32Array(positions.clients.length).fill(-1);
  for (let i = 0; i < positions.count; i += 1) {
    const client = positions.client[i]!;
    const held = newest[client]!;
    if (held < 0 || positions.at[i]! >= positions.at[held]!) newest[client] = i;
  }
  return [...newest].map((i) => [
    positions.clients[positions.client[i]!]!,
    positions.lat[i]!,
    positions.lon[i]!,
    positions.at[i]!,
    positions.accuracyM[i]!,
    speedOf(positions, i),
  ]);
}

/** A fix's speed as a record has it: null where the device reported none (NaN in the column). */
export function speedOf(positions: PackedPositions, i: number): number | null {
  const speed = positions.speedKmh[i]!;
  return Number.isNaN(speed) ? null : speed;
}

/** A fix's client id. */
export const clientOf = (p: PackedPositions, i: number): string => p.clients[p.client[i]!]!;
/** A fix's device id. */
export const deviceOf = (p: PackedPositions, i: number): string => p.devices[p.device[i]!]!;
/** Each batch's id bytes as a Buffer, made once (the worker receives a plain Uint8Array). */
const idText = new WeakMap<Uint8Array, Buffer>();

/** A fix's id: a string of its own, not a slice that would keep the batch's bytes alive. */
export function idOf(p: PackedPositions, i: number): string {
  let text = idText.get(p.idBytes);
  if (!text) {
    text = Buffer.from(p.idBytes.buffer, p.idBytes.byteOffset, p.idBytes.byteLength);
    idText.set(p.idBytes, text);
  }
  return text.toString('utf8', i === 0 ? 0 : p.idEnd[i - 1]!, p.idEnd[i]!);
}

/** A fix's source as a record has it. */
export const sourceOf = (p: PackedPositions, i: number): Position['source'] =>
  positionSources[p.source[i]!]!;

/** The buffers to move (not copy) to the worker with the batch. */
export function transferList(batch: PackedBatch): ArrayBuffer[] {
  const { positions } = batch;
  return [...COLUMNS, 'idBytes' as const].map((name) => positions[name].buffer as ArrayBuffer);
}
