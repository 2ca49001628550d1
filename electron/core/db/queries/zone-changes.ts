import type { Database } from 'better-sqlite3';
import type { ZoneVersion } from '../../../../shared/central/records';
import { statement } from '../statements';
import { toZoneVersion, type ZoneVersionRow } from './timeline';

/** Every version of one zone the cache holds, oldest first. */
export function zoneVersionsOf(db: Database, zoneId: string): ZoneVersion[] {
  const rows = statement(
    db,
    `SELECT json, valid_from, valid_to FROM zone_versions WHERE zone_id = ? ORDER BY version`,
  ).all(zoneId) as ZoneVersionRow[];
  return rows.map(toZoneVersion);
}

/**
 * Who made each version of a zone that was made on this console: the audit entry written when the
 * change was queued, joined by its idempotency key to the outbox item whose delivered answer holds
 * the version the service gave it. A version made on another console has no row here.
 */
export function zoneAuthors(db: Database, zoneId: string): Map<number, string> {
  const rows = statement(
    db,
    // A resend found already applied settles without an answer: the change then made the
    // version after the one it expected.
    `SELECT coalesce(json_extract(o.answer, '$.zone.version'),
                     json_extract(a.detail, '$.payload.expectedVersion') + 1) AS version,
            a.operator_id AS operator
     FROM audit_log a
     JOIN outbox o ON o.idempotency_key = json_extract(a.detail, '$.idempotencyKey')
     WHERE a.subject_type = 'zone' AND (a.subject_id = ? OR a.subject_id IS NULL)
       AND a.action IN ('zone.create', 'zone.update') AND o.state = 'delivered'
       AND (a.subject_id = ? OR json_extract(o.answer, '$.zone.id') = ?)`,
  ).all(zoneId, zoneId, zoneId) as { version: number | null; operator: string | null }[];
  const authors = new Map<number, string>();
  for (const row of rows)
    if (row.version !== null && row.operator !== null) authors.set(row.version, row.operator);
  return authors;
}
