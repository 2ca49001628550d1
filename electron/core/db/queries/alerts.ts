import type { Database } from 'better-sqlite3';
import type { Alert, AlertAction } from '../../../../shared/central/records';
import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import type { SlaDue, SuppressionMark } from '../../../../shared/domain/attention';
import { statement } from '../statements';

type JsonRow = { json: string };
const parse = <T>(rows: JsonRow[]): T[] => rows.map((row) => JSON.parse(row.json) as T);

export const CLIENT_ALERTS_SQL = `
  SELECT json FROM alerts
  WHERE client_id = ? AND raised_at >= ? AND raised_at < ?
  ORDER BY raised_at`;

/** A client's alerts raised in [from, to), oldest first (ISO timestamps). */
export function alertsForClient(db: Database, clientId: string, from: string, to: string): Alert[] {
  return parse<Alert>(statement(db, CLIENT_ALERTS_SQL).all(clientId, from, to) as JsonRow[]);
}

export const ALERT_ACTIONS_SQL =
  'SELECT json FROM alert_actions WHERE alert_id = ? ORDER BY at, id';

/** An alert's journal: every action, oldest first. */
export function actionsForAlert(db: Database, alertId: string): AlertAction[] {
  return parse<AlertAction>(statement(db, ALERT_ACTIONS_SQL).all(alertId) as JsonRow[]);
}

/**
 * The queue's columns: an alert with its client's and zone's names, the suppression it was raised
 * under (if any: a suppression covers alerts raised while it is in force), and the targets this
 * console saw it miss. Times are compared as instants: the service may write them differently.
 */
const QUEUE_SELECT = `
  SELECT a.json, c.display_name AS clientName, c.case_number AS caseNumber,
    json_extract(c.json, '$.riskLevel') AS riskLevel, json_extract(z.json, '$.name') AS zoneName,
    (SELECT json_object('id', s.id, 'until', s.until_at, 'reason', s.reason,
        'operatorId', s.operator_id)
      FROM suppressions AS s
      WHERE s.client_id = a.client_id AND s.type = json_extract(a.json, '$.type')
        AND julianday(s.from_at) <= julianday(a.raised_at)
        AND julianday(a.raised_at) < julianday(coalesce(s.lifted_at, s.until_at))
      ORDER BY s.id DESC LIMIT 1) AS suppression,
    (SELECT json_group_array(b.due) FROM sla_breaches AS b WHERE b.alert_id = a.id) AS breached
  FROM alerts AS a
  LEFT JOIN clients AS c ON c.id = a.client_id
  LEFT JOIN zones AS z ON z.id = json_extract(a.json, '$.zoneId')`;

/**
 * The queue: every alert not yet resolved, most urgent first: severity, then the client's risk
 * level, then the oldest. Cleared alerts stay: the condition ended, but nobody has handled it yet.
 */
const QUEUE_ORDER = `WHERE a.state <> 'resolved'
  ORDER BY a.severity_rank, coalesce(c.risk_rank, 9), a.raised_at, a.id`;
export const ALERT_QUEUE_SQL = `${QUEUE_SELECT}
  ${QUEUE_ORDER}`;
export const QUEUE_ORDER_SQL = `SELECT a.id FROM alerts AS a
  LEFT JOIN clients AS c ON c.id = a.client_id
  ${QUEUE_ORDER}`;
export const QUEUE_ITEMS_SQL = `${QUEUE_SELECT}
  WHERE a.state <> 'resolved' AND a.id IN (SELECT value FROM json_each(?))`;

type QueueRow = JsonRow &
  Omit<AlertQueueItem, 'alert' | 'suppression' | 'breached'> & {
    suppression: string | null;
    breached: string;
  };
const toItem = ({ json, suppression, breached, ...names }: QueueRow): AlertQueueItem => ({
  alert: JSON.parse(json) as Alert,
  ...names,
  suppression: suppression === null ? null : (JSON.parse(suppression) as SuppressionMark),
  breached: JSON.parse(breached) as SlaDue[],
});

export function alertQueue(db: Database): AlertQueueItem[] {
  return (statement(db, ALERT_QUEUE_SQL).all() as QueueRow[]).map(toItem);
}

/**
 * What a page holding the queue needs after some alerts changed: the queue's order (ids only) and
 * the lines of those changed alerts still in it, read together. With hundreds of open alerts the
 * whole queue is ~0.5 MB; a burst of alerts refetched it whole for every change (the soak).
 */
export function alertQueueChanges(
  db: Database,
  alertIds: readonly string[],
): { order: string[]; items: AlertQueueItem[] } {
  return db.transaction(() => ({
    order: statement(db, QUEUE_ORDER_SQL).pluck().all() as string[],
    items: (statement(db, QUEUE_ITEMS_SQL).all(JSON.stringify(alertIds)) as QueueRow[]).map(toItem),
  }))();
}

/** One alert, resolved or not, as a queue line (null if the cache does not hold it). */
export function alertQueueItem(db: Database, alertId: string): AlertQueueItem | null {
  const row = statement(db, `${QUEUE_SELECT} WHERE a.id = ?`).get(alertId) as QueueRow | undefined;
  return row ? toItem(row) : null;
}

export function openAlertsByPriority(db: Database): Alert[] {
  return alertQueue(db).map((item) => item.alert);
}
