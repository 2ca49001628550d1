import type { Database } from 'better-sqlite3';
import { monotonic, type Monotonic } from '../../runtime/clock';
import { clientOf, deviceOf, idOf, sourceOf, speedOf, type PackedPositions } from '../packed-batch';
import { statement } from '../statements';
import { readLocalState, writeLocalState } from './local-state';
import { BUCKET_MS, FIX_COLUMNS as COLUMNS } from './position-layout';

/** A fix as last_fixes stores it, in column order. */
type FixRow = [
  string,
  number,
  string,
  string,
  number,
  number,
  number,
  number,
  number | null,
  string,
];

const UPSERT_SQL = `
  INSERT INTO last_fixes (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (client_id) DO UPDATE SET
    at = excluded.at, id = excluded.id, device_id = excluded.device_id, received_at = excluded.received_at,
    lat = excluded.lat, lon = excluded.lon, accuracy_m = excluded.accuracy_m,
    speed_kmh = excluded.speed_kmh, source = excluded.source
  WHERE excluded.at > last_fixes.at`;

/** Where last_fixes may lag positions after a crash: the oldest bucket with unwritten fixes. */
export const DIRTY_FROM_KEY = 'lastFixes.dirtyFromBucket';

const FLUSH_EVERY_MS = 1000;
const SMALL_BATCH = 1000;

/**
 * Each client's newest fix. last_fixes is an index derived from positions, so it is written
 * lazily: live batches write it at once; during a catch-up it is written about once a second
 * rather than once per batch (it was 40% of the ingest cost). Until it is written, a marker in
 * the same transaction says from which bucket it may lag, and opening the cache re-derives it
 * from there, so a crash loses nothing.
 */
export class LastFixes {
  private pending = new Map<string, FixRow>();
  private dirtyFrom: number | null;
  private lastFlush = 0;

  constructor(
    private readonly db: Database,
    private readonly now: Monotonic = monotonic,
  ) {
    this.dirtyFrom = readLocalState<number>(db, DIRTY_FROM_KEY);
    if (this.dirtyFrom !== null) this.rebuildFrom(this.dirtyFrom);
  }

  /**
   * Runs inside a batch's transaction with the newest fix per client of that batch. Returns the
   * state to adopt once the transaction commits (a rolled-back batch must leave no trace here).
   */
  stage(positions: PackedPositions, newest: Iterable<number>, batchSize: number): () => void {
    // This batch's rows apart from what is held: copying the held map for every batch cost more
    // than the rest of the staging. Held rows are adopted only once the transaction commits.
    const staged = new Map<string, FixRow>();
    let dirtyFrom = this.dirtyFrom;
    for (const i of newest) {
      const row = rowOf(positions, i);
      const held = this.pending.get(row[0]);
      if (held && held[1] >= row[1]) continue;
      staged.set(row[0], row);
      const bucket = Math.floor(row[1] / BUCKET_MS);
      dirtyFrom = dirtyFrom === null ? bucket : Math.min(dirtyFrom, bucket);
    }
    const flush = batchSize < SMALL_BATCH || this.now() - this.lastFlush >= FLUSH_EVERY_MS;
    if (flush) {
      this.write(this.heldBesides(staged));
      this.write(staged.values());
      if (dirtyFrom !== null) writeLocalState(this.db, DIRTY_FROM_KEY, null);
      dirtyFrom = null;
    } else if (dirtyFrom !== this.dirtyFrom) {
      writeLocalState(this.db, DIRTY_FROM_KEY, dirtyFrom);
    }
    return () => {
      if (flush) {
        this.pending.clear();
        this.lastFlush = this.now();
      } else for (const [client, row] of staged) this.pending.set(client, row);
      this.dirtyFrom = dirtyFrom;
    };
  }

  /** Held rows that a staged row does not replace. */
  private *heldBesides(staged: ReadonlyMap<string, FixRow>): Iterable<FixRow> {
    for (const [client, row] of this.pending) if (!staged.has(client)) yield row;
  }

  /** Writes what is held; called before last_fixes is read and before closing. */
  flush(): void {
    if (this.pending.size === 0 && this.dirtyFrom === null) return;
    this.db.transaction(() => {
      this.write(this.pending.values());
      writeLocalState(this.db, DIRTY_FROM_KEY, null);
    })();
    this.pending.clear();
    this.dirtyFrom = null;
    this.lastFlush = this.now();
  }

  private write(rows: Iterable<FixRow>): void {
    const upsert = statement(this.db, UPSERT_SQL);
    for (const row of rows) upsert.run(...row);
  }

  /**
   * Re-derives last fixes from the buckets from `bucket` on (after a crash). With a single max(),
   * SQLite takes the bare columns from the row holding the maximum: one row per client.
   */
  private rebuildFrom(bucket: number): void {
    const sql = `SELECT client_id, max(at), id, device_id, received_at, lat, lon, accuracy_m, speed_kmh, source
                 FROM positions WHERE bucket >= ? GROUP BY client_id`;
    this.db.transaction(() => {
      this.write(statement(this.db, sql).raw(true).all(bucket) as FixRow[]);
      writeLocalState(this.db, DIRTY_FROM_KEY, null);
    })();
    this.dirtyFrom = null;
  }
}

const instances = new WeakMap<Database, LastFixes>();

/**
 * The one LastFixes of a connection (the worker's, or a test's). The first call recovers from a
 * crash and may fix the clock (tests); later calls return the same instance.
 */
export function lastFixesOf(db: Database, now?: Monotonic): LastFixes {
  let fixes = instances.get(db);
  if (!fixes) {
    fixes = new LastFixes(db, now);
    instances.set(db, fixes);
  }
  return fixes;
}

function rowOf(p: PackedPositions, i: number): FixRow {
  return [
    clientOf(p, i),
    p.at[i]!,
    idOf(p, i),
    deviceOf(p, i),
    p.receivedAt[i]!,
    p.lat[i]!,
    p.lon[i]!,
    p.accuracyM[i]!,
    speedOf(p, i),
    sourceOf(p, i),
  ];
}
