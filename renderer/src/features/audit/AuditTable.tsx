import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { useFormat } from '../../api/use-format';

/** The entries, newest first, as they stand in the chain. */
export function AuditTable({ items }: { items: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.columns.seq')}</th>
          <th>{t('audit.columns.at')}</th>
          <th>{t('audit.columns.operator')}</th>
          <th>{t('audit.columns.action')}</th>
          <th>{t('audit.columns.subject')}</th>
          <th>{t('audit.columns.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry) => (
          <tr key={entry.seq}>
            <td>{entry.seq}</td>
            <td>{format.dateTime(entry.at)}</td>
            <td>{entry.operatorId ?? '—'}</td>
            <td>{entry.action}</td>
            <td>{entry.subjectId ? `${entry.subjectType}: ${entry.subjectId}` : '—'}</td>
            <td className="audit-detail">{JSON.stringify(entry.detail)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
