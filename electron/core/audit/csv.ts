import type { AuditEntry } from '../../../shared/domain/audit';
import { csvCell } from '../reports/csv';

export const AUDIT_CSV_HEADER = [
  'seq',
  'at',
  'operator',
  'action',
  'subject_type',
  'subject_id',
  'detail',
  'hash',
];

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [AUDIT_CSV_HEADER.join(',')];
  for (const e of entries) {
    lines.push(
      [
        e.seq,
        e.at,
        e.operatorId,
        e.action,
        e.subjectType,
        e.subjectId,
        JSON.stringify(e.detail),
        e.hash,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
