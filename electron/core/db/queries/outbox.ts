import type { Database } from 'better-sqlite3';
import { applyRecords, type CacheRecord } from '../apply-events';
import { statement } from '../statements';
import { appendAudit } from './audit';

/** An operator action waiting for (or settled by) the central service. */
export interface OutboxItem {
  id: number;
  idempotencyKey: string;
  /** What to send, e.g. `alert.action`; the sender knows each one's endpoint. */
  operation: string;
  payload: unknown;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  state: 'pending' | 'delivered' | 'rejected';
  /** The service's answer: the result when delivered, its error when rejected. */
  answer: unknown;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  operation: string;
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  state: OutboxItem['state'];
  answer: string | null;
}

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  operation: row.operation,
  payload: JSON.parse(row.payload),
  createdAt: row.created_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  state: row.state,
  answer: row.answer === null ? null : JSON.parse(row.answer),
});

export interface QueuedAction {
  idempotencyKey: string;
  operation: string;
  payload: unknown;
  at: string;
  operatorId: string;
  /** What the audit log names as the action's subject, e.g. `alert` and its id. */
  subjectType: string;
  subjectId: string | null;
}

/**
 * Queues an operator action and records in the audit log who did it, in one transaction: both or
 * neither. Until the service answers, the pending item is the action's local effect (the console
 * shows it as pending); the cache itself holds only what the service has said. A key already
 * queued is not queued twice.
 */
export function queueAction(db: Database, action: QueuedAction): OutboxItem {
  return db
    .transaction(() => {
      const { changes } = statement(
        db,
        `INSERT OR IGNORE INTO outbox (idempotency_key, operation, payload, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?)`,
      ).run(
        action.idempotencyKey,
        action.operation,
        JSON.stringify(action.payload),
        action.at,
        action.at,
      );
      if (changes > 0) {
        appendAudit(db, {
          at: action.at,
          operatorId: action.operatorId,
          action: action.operation,
          subjectType: action.subjectType,
          subjectId: action.subjectId,
          detail: { idempotencyKey: action.idempotencyKey, payload: action.payload },
        });
      }
      return toItem(
        statement(db, 'SELECT * FROM outbox WHERE idempotency_key = ?').get(
          action.idempotencyKey,
        ) as OutboxRow,
      );
    })
    .immediate();
}

export const DUE_SQL = `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`;

/** Pending actions whose time has come, oldest first (the order operators made them). */
export function dueOutbox(db: Database, now: string, limit: number): OutboxItem[] {
  return (statement(db, DUE_SQL).all(now, limit) as OutboxRow[]).map(toItem);
}

/** The newest actions in the given states, newest first. */
export function listOutbox(
  db: Database,
  states: OutboxItem['state'][],
  limit: number,
): OutboxItem[] {
  const marks = states.map(() => '?').join(', ');
  const sql = `SELECT * FROM outbox WHERE state IN (${marks}) ORDER BY id DESC LIMIT ?`;
  return (statement(db, sql).all(...states, limit) as OutboxRow[]).map(toItem);
}

export const ATTENTION_SQL = `
  SELECT * FROM outbox
  WHERE state = 'pending' OR (state = 'rejected' AND seen_at IS NULL)
  ORDER BY id LIMIT ?`;

/** What the operator must know about: actions not yet sent, and refusals not yet read. */
export function outboxNeedingAttention(db: Database, limit: number): OutboxItem[] {
  return (statement(db, ATTENTION_SQL).all(limit) as OutboxRow[]).map(toItem);
}

/** The operator has read a refusal; it leaves the list. */
export function markRefusalSeen(db: Database, id: number, at: string): boolean {
  return (
    statement(
      db,
      `UPDATE outbox SET seen_at = ? WHERE id = ? AND state = 'rejected' AND seen_at IS NULL`,
    ).run(at, id).changes > 0
  );
}

/**
 * Records the service's final answer: delivered, or refused (it will not be sent again). The
 * records a delivery brought (the claimed alert, the new journal entry) enter the cache in the
 * same transaction, so the operator sees the result before the stream repeats it.
 */
export function settleOutbox(
  db: Database,
  id: number,
  state: 'delivered' | 'rejected',
  answer: unknown,
  at: string,
  records: readonly CacheRecord[] = [],
): void {
  db.transaction(() => {
    statement(
      db,
      `UPDATE outbox SET state = ?, answer = ?, settled_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'pending'`,
    ).run(state, JSON.stringify(answer), at, id);
    applyRecords(db, records);
  }).immediate();
}

/** Records a failed attempt; the action stays pending until `nextAttemptAt`. */
export function retryOutboxLater(
  db: Database,
  id: number,
  error: string,
  nextAttemptAt: string,
): void {
  statement(
    db,
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'`,
  ).run(error, nextAttemptAt, id);
}
