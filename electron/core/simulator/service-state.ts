import type {
  Alert,
  AlertAction,
  Client,
  Device,
  JournalEntry,
  Operator,
  Position,
  Shift,
  Zone,
} from '../../../shared/central/records';
import type { StreamEvent } from '../../../shared/central/stream';

type EventOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>;
export type Listener = (event: StreamEvent) => void;

/** Positions kept per client for the history endpoint (simulated time). */
const POSITION_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What the central service holds, and its event log. Every change goes through `emit`, which
 * gives it the next seq and hands it to open streams, so the log and the records never disagree.
 */
export class ServiceState {
  seq = 0;
  readonly clients = new Map<string, Client>();
  readonly devices = new Map<string, Device>();
  readonly zones = new Map<string, Zone>();
  readonly alerts = new Map<string, Alert>();
  readonly actions = new Map<string, AlertAction[]>();
  readonly positions = new Map<string, Position[]>();
  readonly shifts = new Map<string, Shift>();
  readonly journal: JournalEntry[] = [];
  readonly operators = new Map<string, Operator & { password: string }>();
  /** The event log, oldest first, bounded by `maxEvents`. */
  private readonly log: StreamEvent[] = [];
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
    return this.log.length === 0 ? this.seq : this.log[0]!.seq - 1;
  }

  eventsAfter(seq: number): StreamEvent[] {
    // Seqs are consecutive in the log, so the position is arithmetic.
    const first = this.log[0]?.seq ?? this.seq + 1;
    return this.log.slice(Math.max(0, seq + 1 - first));
  }

  emit<T extends Exclude<StreamEvent['type'], 'heartbeat' | 'reset'>>(
    type: T,
    data: EventOf<T>['data'],
  ): StreamEvent {
    this.seq += 1;
    const event = { seq: this.seq, at: this.now().toISOString(), type, data } as StreamEvent;
    this.log.push(event);
    if (this.log.length > this.maxEvents) this.log.splice(0, this.log.length - this.maxEvents);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores a changed record with version + 1 (and a new updatedAt, where it has one) and announces it. */
  update<R extends { id: string; version: number }>(
    map: Map<string, R>,
    type: 'client' | 'device' | 'zone' | 'alert' | 'shift',
    record: R,
  ): R {
    const stamped = 'updatedAt' in record ? { updatedAt: this.now().toISOString() } : {};
    const next = { ...record, ...stamped, version: record.version + 1 };
    map.set(next.id, next);
    this.emit(type, next as never);
    return next;
  }

  /** Stores a new record at version 1 and announces it. */
  create<R extends { id: string }>(
    map: Map<string, R>,
    type: 'client' | 'device' | 'zone' | 'alert' | 'shift',
    record: R,
  ): R {
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
