import type { Database } from 'better-sqlite3';
import type {
  Alert,
  AlertAction,
  Client,
  JournalEntry,
  Operator,
  Shift,
} from '../../../../shared/central/records';
import type { JournalSearch } from '../../../../shared/domain/shifts';
import { statement } from '../statements';

const parse = <T>(rows: unknown[]): T[] =>
  (rows as { json: string }[]).map((row) => JSON.parse(row.json) as T);

/** The shift open now, if any (the service allows one at a time). */
export function openShift(db: Database): Shift | null {
  return (
    parse<Shift>(
      statement(
        db,
        `SELECT json FROM shifts WHERE json_extract(json, '$.endedAt') IS NULL
         ORDER BY started_at DESC LIMIT 1`,
      ).all(),
    )[0] ?? null
  );
}

/** Shifts that started in a window, newest first. */
export function shiftsBetween(db: Database, from: string, to: string): Shift[] {
  return parse<Shift>(
    statement(
      db,
      'SELECT json FROM shifts WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC LIMIT 500',
    ).all(from, to),
  );
}

export function operators(db: Database): Operator[] {
  return parse<Operator>(statement(db, 'SELECT json FROM operators ORDER BY id').all());
}

/**
 * FTS5 words from what an operator typed: each a prefix, all required, quoted so that nothing
 * typed is read as query syntax. The tokenizer folds case and diacritics on both sides.
 */
export function matchExpression(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

const FILTERS = `
  (:category IS NULL OR e.category = :category)
  AND (:operatorId IS NULL OR e.operator_id = :operatorId)
  AND (:from IS NULL OR e.at >= :from)
  AND (:to IS NULL OR e.at <= :to)
  AND (:clientId IS NULL OR EXISTS (
    SELECT 1 FROM journal_refs r WHERE r.kind = 'client' AND r.ref_id = :clientId AND r.entry_id = e.id))`;

/**
 * Matches newest first by arrival (the index's rowid order, which FTS5 walks backwards without
 * sorting), stopping at the limit: a common word among 100,000 entries costs the entries it
 * returns, not every entry it matches. Entries arrive in the order they were written.
 */
export const JOURNAL_SEARCH_SQL = `SELECT e.json FROM journal_fts f JOIN journal_entries e ON e.rowid = f.rowid
  WHERE journal_fts MATCH :match AND ${FILTERS}
  ORDER BY f.rowid DESC LIMIT :limit`;
/** One client's entries are few: walk them and ask the index about each one. */
const CLIENT_SEARCH_SQL = `SELECT e.json FROM journal_refs r JOIN journal_entries e ON e.id = r.entry_id
  WHERE r.kind = 'client' AND r.ref_id = :clientId
    AND EXISTS (SELECT 1 FROM journal_fts WHERE journal_fts MATCH :match AND rowid = e.rowid)
    AND ${FILTERS}
  ORDER BY e.at DESC LIMIT :limit`;
const JOURNAL_FILTER_SQL = `SELECT e.json FROM journal_entries e WHERE ${FILTERS}
  ORDER BY e.at DESC LIMIT :limit`;

function searchParams(filter: JournalSearch) {
  return {
    category: filter.category ?? null,
    operatorId: filter.operatorId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    clientId: filter.clientId ?? null,
    limit: filter.limit ?? 200,
  };
}

/** Journal entries matching the words and filters, newest first. */
export function searchJournal(db: Database, filter: JournalSearch): JournalEntry[] {
  const match = filter.text ? matchExpression(filter.text) : null;
  const params = searchParams(filter);
  if (match === null) return parse<JournalEntry>(statement(db, JOURNAL_FILTER_SQL).all(params));
  const sql = filter.clientId ? CLIENT_SEARCH_SQL : JOURNAL_SEARCH_SQL;
  const found = parse<JournalEntry>(statement(db, sql).all({ ...params, match }));
  return found.sort((a, b) => b.at.localeCompare(a.at));
}

/** The same search as a plain scan (the benchmark's baseline): `LIKE` on the text, no index. */
export function scanJournal(db: Database, filter: JournalSearch): JournalEntry[] {
  return parse<JournalEntry>(
    statement(
      db,
      `SELECT e.json FROM journal_entries e
       WHERE json_extract(e.json, '$.text') LIKE :like AND ${FILTERS}
       ORDER BY e.at DESC LIMIT :limit`,
    ).all({ ...searchParams(filter), like: `%${filter.text ?? ''}%` }),
  );
}

/**
 * The alerts a shift dealt with: raised in its hours, still open, or resolved in its hours (an
 * alert is resolved within days of being raised, so older ones are not looked at).
 */
export function alertsOfWindow(
  db: Database,
  from: string,
  to: string,
  lookBackFrom: string,
): Alert[] {
  return parse<Alert>(
    statement(
      db,
      `SELECT json FROM alerts WHERE raised_at >= :lookBack AND raised_at < :to
         AND (raised_at >= :from OR state <> 'resolved' OR json_extract(json, '$.resolvedAt') >= :from)
       UNION SELECT json FROM alerts WHERE state <> 'resolved' AND raised_at < :to`,
    ).all({ from, to, lookBack: lookBackFrom }),
  );
}

export function actionsOfAlerts(db: Database, alertIds: readonly string[]): AlertAction[] {
  return parse<AlertAction>(
    statement(
      db,
      'SELECT json FROM alert_actions WHERE alert_id IN (SELECT value FROM json_each(?)) ORDER BY at, id',
    ).all(JSON.stringify(alertIds)),
  );
}

/** Clients whose record changed in a window (a new status, a new device…). */
export function clientsChangedBetween(db: Database, from: string, to: string): Client[] {
  return parse<Client>(
    statement(
      db,
      `SELECT json FROM clients WHERE json_extract(json, '$.updatedAt') >= ?
         AND json_extract(json, '$.updatedAt') < ? LIMIT 500`,
    ).all(from, to),
  );
}

export function clientNames(db: Database, ids: readonly string[]): Map<string, string> {
  const rows = statement(
    db,
    'SELECT id, display_name AS name FROM clients WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
