import type { Database } from 'better-sqlite3';
import type { SlaBreach, SuppressInput, Suppression } from '../../../../shared/domain/attention';
import { appendAudit } from './audit';
import { statement } from '../statements';

/**
 * Records missed targets with their audit entries; returns those not recorded before, so each
 * breach is escalated once. Call inside a transaction.
 */
export function recordBreaches(
  db: Database,
  breaches: readonly SlaBreach[],
  operatorId: string | null,
): SlaBreach[] {
  const insert = statement(
    db,
    `INSERT INTO sla_breaches (alert_id, due, due_at, breached_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const fresh = breaches.filter(
    (b) => insert.run(b.alertId, b.due, b.dueAt, b.breachedAt).changes === 1,
  );
  for (const { alertId, due, dueAt, severity, breachedAt } of fresh)
    appendAudit(db, {
      at: breachedAt,
      operatorId,
      action: 'alert.sla_breach',
      subjectType: 'alert',
      subjectId: alertId,
      detail: { due, dueAt, severity },
    });
  return fresh;
}

type SuppressionRow = {
  id: number;
  client_id: string;
  type: Suppression['type'];
  from_at: string;
  until_at: string;
  reason: string;
  operator_id: string | null;
  lifted_at: string | null;
};
const toSuppression = (row: SuppressionRow): Suppression => ({
  id: row.id,
  clientId: row.client_id,
  type: row.type,
  from: row.from_at,
  until: row.until_at,
  reason: row.reason,
  operatorId: row.operator_id,
  liftedAt: row.lifted_at,
});

function auditSuppression(
  db: Database,
  action: string,
  at: string,
  operatorId: string | null,
  { id, type, until, reason, clientId }: Suppression,
): void {
  const detail = { id, type, until, reason };
  appendAudit(db, { at, operatorId, action, subjectType: 'client', subjectId: clientId, detail });
}

/** Adds a suppression with its audit entry. Call inside a transaction. */
export function addSuppression(
  db: Database,
  input: SuppressInput,
  from: string,
  until: string,
  operatorId: string | null,
): Suppression {
  const row = statement(
    db,
    `INSERT INTO suppressions (client_id, type, from_at, until_at, reason, operator_id)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
  ).get(input.clientId, input.type, from, until, input.reason, operatorId) as SuppressionRow;
  const suppression = toSuppression(row);
  auditSuppression(db, 'alert.suppress', from, operatorId, suppression);
  return suppression;
}

/** Ends a suppression early (audited); null if none with that id is in force. */
export function liftSuppression(
  db: Database,
  id: number,
  at: string,
  operatorId: string | null,
): Suppression | null {
  const row = statement(
    db,
    `UPDATE suppressions SET lifted_at = ?, lifted_by = ?
     WHERE id = ? AND lifted_at IS NULL AND until_at > ? RETURNING *`,
  ).get(at, operatorId, id, at) as SuppressionRow | undefined;
  if (!row) return null;
  const suppression = toSuppression(row);
  auditSuppression(db, 'alert.suppression_lift', at, operatorId, suppression);
  return suppression;
}

/** Suppressions in force at `at`, soonest to end first. */
export function activeSuppressions(db: Database, at: string): Suppression[] {
  const rows = statement(
    db,
    `SELECT * FROM suppressions WHERE lifted_at IS NULL AND until_at > ? ORDER BY until_at, id`,
  ).all(at) as SuppressionRow[];
  return rows.map(toSuppression);
}
