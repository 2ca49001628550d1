import type { Database } from 'better-sqlite3';
import type { Snapshot, StreamEvent } from '../../../shared/central/stream';
import { putAlertAction, putJournalEntry } from './queries/immutable';
import { NewestFixes, putPosition } from './queries/positions';
import { readCursor, writeCursor } from './queries/cursor';
import { deleteZone, putAlert, putClient, putDevice, putShift, putZone } from './queries/records';
import { statement } from './statements';

/** Events the cache stores. `reset` is an instruction to the client, not data. */
export type StoredEvent = Exclude<StreamEvent, { type: 'reset' }>;

export interface ApplyResult {
  /** Events that changed the cache. */
  applied: number;
  /** Events at or below the cursor: already applied (at-least-once delivery). */
  duplicates: number;
  /** New events that changed nothing: an older or equal version, a repeated immutable record. */
  unchanged: number;
  cursor: number;
}

/**
 * Applies a batch and advances the cursor in ONE transaction: after a crash at any instant the
 * cache holds exactly the events up to its cursor, so resuming from the cursor loses nothing
 * and doubles nothing.
 */
export function applyEvents(db: Database, events: readonly StoredEvent[]): ApplyResult {
  return db
    .transaction((): ApplyResult => {
      const result: ApplyResult = {
        applied: 0,
        duplicates: 0,
        unchanged: 0,
        cursor: readCursor(db),
      };
      const newest = new NewestFixes();
      for (const event of events) {
        if (event.seq <= result.cursor) {
          result.duplicates += 1;
          continue;
        }
        if (applyOne(db, event, newest)) result.applied += 1;
        else result.unchanged += 1;
        result.cursor = event.seq;
      }
      newest.write(db);
      writeCursor(db, result.cursor);
      return result;
    })
    .immediate();
}

function applyOne(db: Database, event: StoredEvent, newest: NewestFixes): boolean {
  switch (event.type) {
    case 'position':
      return putPosition(db, event.data, newest);
    case 'client':
      return putClient(db, event.data);
    case 'device':
      return putDevice(db, event.data);
    case 'zone':
      return putZone(db, event.data);
    case 'zone.deleted':
      return deleteZone(db, event.data.id);
    case 'shift':
      return putShift(db, event.data);
    case 'journal.entry':
      return putJournalEntry(db, event.data);
    case 'alert':
      return putAlert(db, event.data);
    case 'alert.action':
      return putAlertAction(db, event.data);
    case 'heartbeat':
      return false;
  }
}

/**
 * Takes a snapshot as the new truth and sets the cursor to its seq, in one transaction. Records
 * still go through the version rule; zones the service no longer has become tombstones.
 */
export function applySnapshot(db: Database, snapshot: Snapshot): void {
  db.transaction(() => {
    for (const client of snapshot.clients) putClient(db, client);
    for (const device of snapshot.devices) putDevice(db, device);
    for (const zone of snapshot.zones) putZone(db, zone);
    for (const alert of snapshot.openAlerts) putAlert(db, alert);
    const newest = new NewestFixes();
    for (const position of snapshot.lastPositions) putPosition(db, position, newest);
    newest.write(db);
    const keep = new Set(snapshot.zones.map((zone) => zone.id));
    const cached = statement(db, 'SELECT id FROM zones WHERE deleted = 0').all() as {
      id: string;
    }[];
    for (const { id } of cached) if (!keep.has(id)) deleteZone(db, id);
    writeCursor(db, snapshot.seq);
  }).immediate();
}
