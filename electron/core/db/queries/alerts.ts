import type { Database } from 'better-sqlite3';
import type { Alert, AlertAction } from '../../../../shared/central/records';
import { statement } from '../statements';

type JsonRow = { json: string };
const parse = <T>(rows: JsonRow[]): T[] => rows.map((row) => JSON.parse(row.json) as T);

/**
 * Every alert not yet resolved, most urgent first: severity, then the client's risk level, then
 * the oldest. Cleared alerts stay: the condition ended, but nobody has handled it yet.
 */
export const OPEN_ALERTS_SQL = `
  SELECT a.json FROM alerts AS a
  LEFT JOIN clients AS c ON c.id = a.client_id
  WHERE a.state <> 'resolved'
  ORDER BY a.severity_rank, coalesce(c.risk_rank, 9), a.raised_at, a.id`;

export function openAlertsByPriority(db: Database): Alert[] {
  return parse<Alert>(statement(db, OPEN_ALERTS_SQL).all() as JsonRow[]);
}

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
