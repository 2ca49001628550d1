import type {
  Alert,
  AlertAction,
  Client,
  Device,
  JournalEntry,
  Operator,
  Position,
  ProtectionOrder,
  Shift,
  VictimPosition,
  Zone,
} from '../../../shared/central/records';
import type { StreamEvent } from '../../../shared/central/stream';
import type { ServiceSuppression } from '../../../shared/central/suppressions';
import { ZoneHistory } from './zone-history';

type EventOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>;
/** Gets each new event with its wire form, encoded once for every stream that sends it. */
export type Listener = (event: StreamEvent, json: string) => void;

/** Positions kept per client for the history endpoint (simulated time). */
const POSITION_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What the central service holds, and its event log. Every change goes through `emit`, which
 * gives it the next seq and hands it to open streams, so the log and the records never disagree.
 */
type RecordType =
  'client' | 'device' | 'zone' | 'alert' | 'shift' | 'protection_order' | 'suppression';

export class ServiceState {
  seq = 0;
  /** Counts changes to zones, so whoever indexes them knows when to look again. */
  zonesRevision = 0;
  readonly clients = new Map<string, Client>();
  readonly devices = new Map<string, Device>();
  readonly zones = new Map<string, Zone>();
  readonly alerts = new Map<string, Alert>();
  readonly actions = new Map<string, AlertAction[]>();
  readonly positions = new Map<string, Position[]>();
  readonly shifts = new Map<string, Shift>();
  readonly journal: JournalEntry[] = [];
  readonly zoneHistory = new ZoneHistory();
  /** 1.1 `victim_units`: orders, and each order's victim unit fixes (the last hour). */
  readonly protectionOrders = new Map<string, ProtectionOrder>();
  readonly victimPositions = new Map<string, VictimPosition[]>();
  /** 1.1 `suppressions`, every one ever made (lifted and expired ones too). */
  readonly suppressions = new Map<string, ServiceSuppression>();

  /** The suppressions in force now (what a snapshot lists). */
  suppressionsInForce(): ServiceSuppression[] {
    const now = this.now().toISOString();
    return [...this.suppressions.values()].filter((s) => s.liftedAt === null && s.until > now);
  }

  /** The suppression in force for a client's alert type at `at`, if any. */
  suppressionFor(clientId: string, type: Alert['type'], at: string): ServiceSuppression | null {
    for (const s of this.suppressions.values())
      if (
        s.clientId === clientId &&
        s.alertType === type &&
        s.liftedAt === null &&
        s.from <= at &&
        at < s.until
      )
        return s;
    return null;
  }
  readonly operators = new Map<string, Operator & { password: string }>();
  /**
   * The event log as sent on the wire, oldest first, bounded by `maxEvents`. Encoded once at emit:
   * a replay then costs no encoding, and strings keep an hour of traffic small in the heap.
   */
  private log: string[] = [];
  /** The seq of log[0]; seqs in the log are consecutive. */
  private firstSeq = 1;
  private readonly listeners = new Set<Listener>();
  private counter = 0;
  private frozen: number | null = null;

  constructor(
    private readonly clock: () => Date,
    private readonly maxEvents: number,
  ) {}

  /** The service's time: the simulated minute being produced while the engine steps. */
  now(): Date {
    return this.frozen === null ? this.clock() : new Date(this.frozen);
  }

  /** Runs `fn` with the service's clock held at `at`, so a seed reproduces the same records. */
  at<T>(at: number, fn: () => T): T {
    this.frozen = at;
    try {
      return fn();
    } finally {
      this.frozen = null;
    }
  }

  /** A new id with a prefix, unique within this service. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter.toString(36).toUpperCase().padStart(6, '0')}`;
  }

  /** The oldest seq a stream can still resume after; older cursors get `reset`. */
  get oldestResumableSeq(): number {
    return this.log.length === 0 ? this.seq : this.firstSeq - 1;
  }

  /** The wire form of every kept event after `seq`, oldest first; read lazily, as a replay goes. */
  *eventsAfter(seq: number): Generator<{ seq: number; json: string }> {
    // Seqs are consecutive in the log, so positions are arithmetic. Reads each index afresh:
    // the log may be trimmed while a slow replay is paused.
    for (let next = Math.max(seq + 1, this.firstSeq); next <= this.seq; next += 1) {
      const json = this.log[next - this.firstSeq];
      if (json === undefined) return;
      yield { seq: next, json };
    }
  }

  emit<T extends Exclude<StreamEvent['type'], 'heartbeat' | 'reset'>>(
    type: T,
    data: EventOf<T>['data'],
  ): StreamEvent {
    this.seq += 1;
    const event = { seq: this.seq, at: this.now().toISOString(), type, data } as StreamEvent;
    if (event.type === 'zone') this.zoneHistory.changed(event.data);
    if (event.type === 'zone.deleted') this.zoneHistory.deleted(event.data.id, event.at);
    if (event.type === 'zone' || event.type === 'zone.deleted') this.zonesRevision += 1;
    const json = JSON.stringify(event);
    if (this.log.length === 0) this.firstSeq = this.seq;
    this.log.push(json);
    // Trimmed in steps of a tenth: cutting the front of a long array on every event is quadratic.
    if (this.log.length > this.maxEvents * 1.1) {
      const cut = this.log.length - this.maxEvents;
      this.log = this.log.slice(cut);
      this.firstSeq += cut;
    }
    for (const listener of this.listeners) listener(event, json);
    return event;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a changed record with version + 1 (and a new updatedAt, where it has one) and announces it. */
  update<R extends { id: string; version: number }>(
    map: Map<string, R>,
    type: RecordType,
    record: R,
  ): R {
    const stamped = 'updatedAt' in record ? { updatedAt: this.now().toISOString() } : {};
    const next = { ...record, ...stamped, version: record.version + 1 };
    map.set(next.id, next);
    this.emit(type, next as never);
    return next;
  }

  /** Stores a new record at version 1 and announces it. */
  create<R extends { id: string }>(map: Map<string, R>, type: RecordType, record: R): R {
    map.set(record.id, record);
    this.emit(type, record as never);
    return record;
  }

  addPosition(position: Position): void {
    const list = this.positions.get(position.clientId) ?? [];
    list.push(position);
    const horizon = Date.parse(position.at) - POSITION_HISTORY_MS;
    while (list.length > 0 && Date.parse(list[0]!.at) < horizon) list.shift();
    this.positions.set(position.clientId, list);
    this.emit('position', position);
  }

  addVictimPosition(position: VictimPosition): void {
    const list = this.victimPositions.get(position.orderId) ?? [];
    list.push(position);
    if (list.length > 60) list.shift();
    this.victimPositions.set(position.orderId, list);
    this.emit('victim.position', position);
  }

  addAction(action: AlertAction): void {
    const list = this.actions.get(action.alertId) ?? [];
    list.push(action);
    this.actions.set(action.alertId, list);
    this.emit('alert.action', action);
  }

  lastPositions(): Position[] {
    return [...this.positions.values()].flatMap((list) => (list.length > 0 ? [list.at(-1)!] : []));
  }
}
