import type { AuditEntry } from '../../../shared/domain/audit';

/**
 * A cell as RFC 4180 writes it. A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe: an audit export opened in a spreadsheet must not execute anything.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
