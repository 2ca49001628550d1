import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditFilter } from '../../../../shared/domain/audit';
import { api } from '../../api';
import { saveFile } from '../../api/download';
import { errorText } from '../../api/error-text';
import { AuditFilters } from './AuditFilters';
import { AuditStatusPanel } from './AuditStatusPanel';
import { AuditTable } from './AuditTable';
import { useAuditStatus } from './use-audit-status';
import './audit.css';

/** A supervisor's review of who saw and did what on this console, with its proof of integrity. */
export function AuditPage() {
  const { t } = useTranslation();
  const status = useAuditStatus();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const load = useCallback(
    (beforeSeq?: number) => {
      api.audit.list({ ...filter, beforeSeq, limit: 100 }).then(
        (page) => {
          setItems((shown) => (beforeSeq === undefined ? page.items : [...shown, ...page.items]));
          setNext(page.nextBeforeSeq);
        },
        (error: unknown) => setMessage({ error: true, text: errorText(error, t) }),
      );
    },
    [filter, t],
  );
  useEffect(() => load(), [load]);

  async function exportCsv(): Promise<void> {
    try {
      const { csv, rows } = await api.audit.export(filter);
      saveFile(
        csv,
        `sargs-audit-${new Date().toISOString().slice(0, 19)}.csv`,
        'text/csv;charset=utf-8',
      );
      setMessage({ error: false, text: t('audit.exported', { rows }) });
    } catch (error) {
      setMessage({ error: true, text: errorText(error, t) });
    }
  }

  return (
    <section className="page audit-page">
      <h1>{t('audit.title')}</h1>
      {status && <AuditStatusPanel status={status} />}
      <AuditFilters onApply={setFilter} />
      <button type="button" onClick={() => void exportCsv()} data-testid="audit-export">
        {t('audit.export')}
      </button>
      {message && (
        <p role="status" className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      <AuditTable items={items} />
      {next !== null && (
        <button type="button" onClick={() => load(next)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
