import type { Database } from 'better-sqlite3';
import type { ServiceSuppression } from '../../../../shared/central/suppressions';
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
  service_id: string | null;
  version: number | null;
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
  serviceId: row.service_id,
  version: row.version,
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

/**
 * A suppression as the service keeps it (1.1), under the version rule: a replay or an older
 * version changes nothing. Not audited here: the console that made or lifted it audited that.
 */
export function putServiceSuppression(db: Database, s: ServiceSuppression): boolean {
  return (
    statement(
      db,
      `INSERT INTO suppressions
         (client_id, type, from_at, until_at, reason, operator_id, lifted_at, lifted_by, service_id, version)
       VALUES (@clientId, @alertType, @from, @until, @reason, @createdBy, @liftedAt, @liftedBy, @id, @version)
       ON CONFLICT (service_id) DO UPDATE SET
         until_at = excluded.until_at, reason = excluded.reason, lifted_at = excluded.lifted_at,
         lifted_by = excluded.lifted_by, version = excluded.version
       WHERE excluded.version > suppressions.version`,
    ).run(s).changes > 0
  );
}

/** One suppression by this console's id, in force or not; null if none. */
export function suppressionById(db: Database, id: number): Suppression | null {
  const row = statement(db, 'SELECT * FROM suppressions WHERE id = ?').get(id) as
    SuppressionRow | undefined;
  return row ? toSuppression(row) : null;
}

/** Suppressions in force at `at`, soonest to end first. */
export function activeSuppressions(db: Database, at: string): Suppression[] {
  const rows = statement(
    db,
    `SELECT * FROM suppressions WHERE lifted_at IS NULL AND until_at > ? ORDER BY until_at, id`,
  ).all(at) as SuppressionRow[];
  return rows.map(toSuppression);
}
