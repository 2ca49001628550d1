import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditFilter, ChainBreak } from '../../../../shared/domain/audit';
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

export const GENESIS = '0'.repeat(64);

/** A row's hash: SHA-256 over the previous row's hash and this row's content. */
export function hashOf(prevHash: string, entry: AuditInput): string {
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

/** A row as SQLite holds it. */
export interface AuditDbRow {
  seq: number;
  at: string;
  operator_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** What a row says, as its hash covers it. */
export function entryOf(row: AuditDbRow): AuditInput {
  return {
    at: row.at,
    operatorId: row.operator_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

/** An anchor the central service kept: the chain's head as this console sent it. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

export interface ChainReport {
  rows: number;
  head: AuditAnchor | null;
  broken: ChainBreak | null;
}

/**
 * Walks the whole chain and names the first row that does not hold: `missing` (a sequence number
 * skipped: a row deleted), `out_of_order` (a row not chained to the one before it: deleted,
 * moved or inserted), `altered` (its content no longer matches its own hash). Then compares the
 * chain with the anchors the service kept: a chain rewritten from the genesis hash after a row was
 * deleted holds together on its own, but no longer matches what was sent (`anchor_mismatch`), and
 * one cut short lacks an anchored row (`truncated`).
 */
export function verifyAuditChain(db: Database, anchors: readonly AuditAnchor[] = []): ChainReport {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  let broken: ChainBreak | null = null;
  const rowsIterator = statement(
    db,
    'SELECT * FROM audit_log ORDER BY seq',
  ).iterate() as Iterable<AuditDbRow>;
  for (const row of rowsIterator) {
    rows += 1;
    if (broken) continue;
    if (row.seq !== expectedSeq) broken = { seq: expectedSeq, reason: 'missing' };
    else if (row.prev_hash !== prevHash) broken = { seq: row.seq, reason: 'out_of_order' };
    else if (row.hash !== hashOf(prevHash, entryOf(row)))
      broken = { seq: row.seq, reason: 'altered' };
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const head = auditHead(db);
  if (!broken) broken = compareWithAnchors(db, anchors, head);
  return { rows, head, broken };
}

function compareWithAnchors(
  db: Database,
  anchors: readonly AuditAnchor[],
  head: AuditAnchor | null,
): ChainBreak | null {
  const hashAt = statement(db, 'SELECT hash FROM audit_log WHERE seq = ?');
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    if (!head || anchor.seq > head.seq) return { seq: anchor.seq, reason: 'truncated' };
    const row = hashAt.get(anchor.seq) as { hash: string } | undefined;
    if (row?.hash !== anchor.hash) return { seq: anchor.seq, reason: 'anchor_mismatch' };
  }
  return null;
}

/** The last row's sequence number and hash: what an anchor sends. */
export function auditHead(db: Database): AuditAnchor | null {
  const row = statement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    AuditAnchor | undefined;
  return row ?? null;
}

/** The WHERE clause for a filter; every value is a parameter. */
function filterSql(filter: AuditFilter): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.operatorId !== undefined) {
    clauses.push('operator_id = ?');
    params.push(filter.operatorId);
  }
  if (filter.action !== undefined) {
    clauses.push("action LIKE ? ESCAPE '\\'");
    params.push(`${filter.action.replace(/_/g, '\\_')}%`);
  }
  if (filter.subjectId !== undefined) {
    clauses.push('subject_id = ?');
    params.push(filter.subjectId);
  }
  if (filter.from !== undefined) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('at < ?');
    params.push(filter.to);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}

function toEntry(row: AuditDbRow): AuditEntry {
  return { seq: row.seq, ...entryOf(row), hash: row.hash };
}

/** A page of the log, newest first, below `beforeSeq`. */
export function auditPage(
  db: Database,
  filter: AuditFilter,
  beforeSeq: number | undefined,
  limit: number,
): { items: AuditEntry[]; nextBeforeSeq: number | null } {
  const { where, params } = filterSql(filter);
  const rows = statement(
    db,
    `SELECT * FROM audit_log WHERE ${where} AND seq < ? ORDER BY seq DESC LIMIT ?`,
  ).all(...params, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1) as AuditDbRow[];
  const items = rows.slice(0, limit).map(toEntry);
  return { items, nextBeforeSeq: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
}

/** Every row matching the filter, oldest first (for the CSV export). */
export function auditRows(db: Database, filter: AuditFilter): AuditEntry[] {
  const { where, params } = filterSql(filter);
  return (
    statement(db, `SELECT * FROM audit_log WHERE ${where} ORDER BY seq`).all(
      ...params,
    ) as AuditDbRow[]
  ).map(toEntry);
}
