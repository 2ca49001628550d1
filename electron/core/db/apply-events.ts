import type { Alert } from '../../../shared/central/records';
import type { Database } from 'better-sqlite3';
import { COVERED_FROM } from './queries/timeline';
import { readLocalState, writeLocalState } from './queries/local-state';
import type { Snapshot } from '../../../shared/central/stream';
import { packEvents, packPositions, type OtherEvent, type PackedBatch } from './packed-batch';
import { readCursor, writeCursor } from './queries/cursor';
import { putAlertAction, putJournalEntry } from './queries/immutable';
import { lastFixesOf } from './queries/last-fixes';
import { newestPerClient, putPackedPositions } from './queries/positions';
import {
  deleteZone,
  putAlert,
  putClient,
  putDevice,
  putProtectionOrder,
  putShift,
  putZone,
} from './queries/records';
import { putVictimPosition } from './queries/victims';
import { putServiceSuppression } from './queries/attention';
import { statement } from './statements';

import type { StoredEvent } from './stored-event';

export type { StoredEvent };

export interface ApplyResult {
  /** Events that changed the cache. */
  applied: number;
  /** Events at or below the cursor: already applied (at-least-once delivery). */
  duplicates: number;
  /** New events that changed nothing: an older or equal version, a repeated immutable record. */
  unchanged: number;
  cursor: number;
}

/** Applies events in seq order; see applyPacked. */
export function applyEvents(db: Database, events: readonly StoredEvent[]): ApplyResult {
  return applyPacked(db, packEvents(events));
}

/** A batch sent behind one that was not applied (see IngestQueue): applying it would leave a gap. */
export class BatchOutOfOrderError extends Error {
  override readonly name = 'BatchOutOfOrderError';
  readonly code = 'SARGS_OUT_OF_ORDER';
}

/**
 * Applies a batch and advances the cursor in ONE transaction: after a crash at any instant the
 * cache holds exactly the events up to its cursor, so resuming from the cursor loses nothing and
 * doubles nothing. Positions and other events are merged back into seq order. With `after`, the
 * batch is refused unless the cursor has reached it (the batch before was applied).
 */
export function applyPacked(
  db: Database,
  batch: PackedBatch,
  after: number | null = null,
): ApplyResult {
  const { positions, others } = batch;
  let adoptLastFixes = (): void => undefined;
  const result = db
    .transaction((): ApplyResult => {
      const result: ApplyResult = {
        applied: 0,
        duplicates: 0,
        unchanged: 0,
        cursor: readCursor(db),
      };
      if (after !== null && result.cursor < after)
        throw new BatchOutOfOrderError(
          `batch refused: the cursor is at ${result.cursor}, the batch before it ended at ${after}`,
        );
      // The batch's new fixes, inserted after the loop in the table's key order.
      const fresh: number[] = [];
      let p = 0;
      let o = 0;
      while (p < positions.count || o < others.length) {
        const isPosition =
          o >= others.length || (p < positions.count && positions.seq[p]! < others[o]!.seq);
        const seq = isPosition ? positions.seq[p]! : others[o]!.seq;
        if (isPosition) p += 1;
        else o += 1;
        if (seq <= result.cursor) {
          result.duplicates += 1;
          continue;
        }
        result.cursor = seq;
        if (isPosition) fresh.push(p - 1);
        else if (applyOther(db, others[o - 1]!)) result.applied += 1;
        else result.unchanged += 1;
      }
      const stored = putPackedPositions(db, positions, fresh);
      result.applied += stored.length;
      result.unchanged += fresh.length - stored.length;
      adoptLastFixes = lastFixesOf(db).stage(
        positions,
        newestPerClient(positions, stored),
        positions.count + others.length,
      );
      writeCursor(db, result.cursor);
      return result;
    })
    .immediate();
  adoptLastFixes();
  return result;
}

/** A record as the stream or an answer to an action brings it, without the stream's seq. */
export type CacheRecord = OtherEvent extends infer E
  ? E extends OtherEvent
    ? { type: E['type']; data: E['data'] }
    : never
  : never;

/** Records from the service's answers to the console's own actions, under the version rule. */
export function applyRecords(db: Database, records: readonly CacheRecord[]): void {
  for (const record of records) applyOther(db, record);
}

const deletedAt = (at: string | undefined): number | undefined =>
  at === undefined ? undefined : Date.parse(at);

function applyOther(db: Database, event: CacheRecord): boolean {
  switch (event.type) {
    case 'client':
      return putClient(db, event.data);
    case 'device':
      return putDevice(db, event.data);
    case 'zone':
      return putZone(db, event.data);
    case 'zone.deleted':
      return deleteZone(db, event.data.id, deletedAt(event.data.at));
    case 'shift':
      return putShift(db, event.data);
    case 'journal.entry':
      return putJournalEntry(db, event.data);
    case 'alert':
      return putAlert(db, event.data);
    case 'alert.action':
      return putAlertAction(db, event.data);
    case 'protection_order':
      return putProtectionOrder(db, event.data);
    case 'victim.position':
      return putVictimPosition(db, event.data);
    case 'suppression':
      return putServiceSuppression(db, event.data);
    case 'heartbeat':
      return false;
  }
}

/**
 * Takes a snapshot as the new truth and sets the cursor to its seq, in one transaction. Records
 * still go through the version rule; zones the service no longer has become tombstones (those the
 * cache took after the snapshot was asked for are newer than it and stay). Alerts
 * resolved while the console was away (fetched by the caller, see staleAlerts) go in with it.
 */
export function applySnapshot(
  db: Database,
  snapshot: Snapshot,
  resolvedMeanwhile: readonly Alert[] = [],
  /** When the snapshot was asked for: a zone cached since is newer than it (migration 0009). */
  askedAtMs = Number.POSITIVE_INFINITY,
): void {
  let adoptLastFixes = (): void => undefined;
  db.transaction(() => {
    for (const client of snapshot.clients) putClient(db, client);
    for (const device of snapshot.devices) putDevice(db, device);
    for (const zone of snapshot.zones) putZone(db, zone);
    for (const order of snapshot.protectionOrders ?? []) putProtectionOrder(db, order);
    for (const suppression of snapshot.suppressions ?? []) putServiceSuppression(db, suppression);
    for (const alert of [...snapshot.openAlerts, ...resolvedMeanwhile]) putAlert(db, alert);
    const fixes = packPositions(
      snapshot.lastPositions.map((data) => ({ seq: snapshot.seq, data })),
    );
    const stored = putPackedPositions(db, fixes, [...Array(fixes.count).keys()]);
    adoptLastFixes = lastFixesOf(db).stage(fixes, newestPerClient(fixes, stored), 0);
    const keep = new Set(snapshot.zones.map((zone) => zone.id));
    const cached = statement(db, 'SELECT id FROM zones WHERE deleted = 0 AND cached_at < ?').all(
      askedAtMs,
    ) as { id: string }[];
    for (const { id } of cached) if (!keep.has(id)) deleteZone(db, id);
    writeCursor(db, snapshot.seq);
    markCoverage(db, snapshot);
  }).immediate();
  adoptLastFixes();
}

/**
 * The moment from which this cache holds everything (the first snapshot's newest fix, the service's
 * "now"); before it, a timeline fetches the service's history. Kept once: catch-up fills later gaps.
 */
function markCoverage(db: Database, snapshot: Snapshot): void {
  if (readLocalState(db, COVERED_FROM) !== null) return;
  const newest = snapshot.lastPositions.reduce((max, p) => Math.max(max, Date.parse(p.at)), 0);
  writeLocalState(db, COVERED_FROM, newest > 0 ? newest : Date.now());
}

/** Cached unresolved alerts that a snapshot does not list as open (see StaleAlert). */
export function staleAlerts(db: Database, openIds: readonly string[]): StaleAlert[] {
  const open = new Set(openIds);
  const unresolved = statement(
    db,
    `SELECT id, client_id AS clientId, raised_at AS raisedAt FROM alerts WHERE state <> 'resolved'`,
  ).all() as StaleAlert[];
  return unresolved.filter((alert) => !open.has(alert.id));
}

/**
 * An alert the cache holds as unresolved that a snapshot no longer lists as open: it was resolved
 * while the console was away. Its new state must be fetched, or it would haunt the queue.
 */
export interface StaleAlert {
  id: string;
  clientId: string;
  raisedAt: string;
}
