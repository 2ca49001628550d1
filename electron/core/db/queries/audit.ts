import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

export interface AuditInput {
  at: string;
  operatorId: string | null;
  /** What was seen or done, e.g. `client.view`, `alert.claim`, `settings.set`. */
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditRow extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function hashOf(prevHash: string, entry: AuditInput): string {
  const canonical = JSON.stringify([
    prevHash,
    entry.at,
    entry.operatorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry chained to the previous one. Runs inside the caller's transaction if any. */
export function appendAudit(db: Database, entry: AuditInput): AuditRow {
  const last = statement(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS;
  const hash = hashOf(prevHash, entry);
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO audit_log (at, operator_id, action, subject_type, subject_id, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.operatorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    JSON.stringify(entry.detail),
    prevHash,
    hash,
  );
  return { ...entry, seq: Number(lastInsertRowid), prevHash, hash };
}

/** Walks the whole chain; returns the seq of the first row that does not match, or null. */
export function firstBrokenAuditRow(db: Database): number | null {
  let prevHash = GENESIS;
  const rows = statement(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<{
    seq: number;
    at: string;
    operator_id: string | null;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    detail: string;
    prev_hash: string;
    hash: string;
  }>;
  for (const row of rows) {
    const entry: AuditInput = {
      at: row.at,
      operatorId: row.operator_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    };
    if (row.prev_hash !== prevHash || row.hash !== hashOf(prevHash, entry)) return row.seq;
    prevHash = row.hash;
  }
  return null;
}
