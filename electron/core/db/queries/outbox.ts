import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

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

/**
 * Queues an action. Call it inside the transaction that makes the action's local effect, so that
 * both happen or neither. A key already queued is not queued twice.
 */
export function enqueueOutbox(
  db: Database,
  item: { idempotencyKey: string; operation: string; payload: unknown; at: string },
): OutboxItem {
  statement(
    db,
    `INSERT OR IGNORE INTO outbox (idempotency_key, operation, payload, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(item.idempotencyKey, item.operation, JSON.stringify(item.payload), item.at, item.at);
  return toItem(
    statement(db, 'SELECT * FROM outbox WHERE idempotency_key = ?').get(
      item.idempotencyKey,
    ) as OutboxRow,
  );
}

export const DUE_SQL = `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`;

/** Pending actions whose time has come, oldest first (the order operators made them). */
export function dueOutbox(db: Database, now: string, limit: number): OutboxItem[] {
  return (statement(db, DUE_SQL).all(now, limit) as OutboxRow[]).map(toItem);
}

export function listOutbox(
  db: Database,
  states: OutboxItem['state'][],
  limit: number,
): OutboxItem[] {
  const rows = statement(db, 'SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(
    limit * 4,
  ) as OutboxRow[];
  return rows
    .map(toItem)
    .filter((item) => states.includes(item.state))
    .slice(0, limit);
}

/** Records the service's final answer: delivered, or refused (it will not be sent again). */
export function settleOutbox(
  db: Database,
  id: number,
  state: 'delivered' | 'rejected',
  answer: unknown,
  at: string,
): void {
  statement(
    db,
    `UPDATE outbox SET state = ?, answer = ?, settled_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'pending'`,
  ).run(state, JSON.stringify(answer), at, id);
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
