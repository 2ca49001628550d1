import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journalCategories, type JournalEntry } from '../../../../shared/central/records';
import type { JournalSearch } from '../../../../shared/domain/shifts';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { href } from '../../app/routes';
import { TimelineLinkTo } from '../timeline/TimelineLinkTo';

/** Shifts of the last month, and a search over every journal entry the cache holds. */
export function HistoryTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const shifts = useLive(() => api.shifts.list({}), ['shifts.changed'], []).value ?? [];
  const [filter, setFilter] = useState<JournalSearch>({});
  const [found, setFound] = useState<JournalEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<JournalSearch>) => setFilter({ ...filter, ...patch });

  async function search(): Promise<void> {
    setError(null);
    try {
      setFound(await api.journal.search(filter));
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }
  return (
    <div className="history">
      <section className="panel">
        <h2>{t('shifts.search')}</h2>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            void search();
          }}
        >
          <input
            placeholder={t('shifts.searchHint')}
            value={filter.text ?? ''}
            onChange={(e) => set({ text: e.target.value || undefined })}
            data-testid="journal-search"
          />
          <select
            value={filter.category ?? ''}
            onChange={(e) =>
              set({ category: (e.target.value || undefined) as JournalSearch['category'] })
            }
            data-testid="journal-search-category"
          >
            <option value="">{t('shifts.any')}</option>
            {journalCategories.map((c) => (
              <option key={c} value={c}>
                {t(`shifts.category.${c}`)}
              </option>
            ))}
          </select>
          <input
            placeholder={t('shifts.operator')}
            value={filter.operatorId ?? ''}
            onChange={(e) => set({ operatorId: e.target.value || undefined })}
          />
          <input
            placeholder={t('shifts.client')}
            value={filter.clientId ?? ''}
            onChange={(e) => set({ clientId: e.target.value || undefined })}
          />
          <button type="submit" data-testid="journal-search-run">
            {t('shifts.search')}
          </button>
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {found && (
          <>
            <p className="muted" data-testid="journal-results">
              {t('shifts.results', { count: found.length })}
            </p>
            <ol className="journal-list">
              {found.map((entry) => (
                <li key={entry.id} className="journal-entry" data-testid="journal-hit">
                  <span className="muted">{format.dateTime(entry.at)}</span>{' '}
                  <strong>{t(`shifts.category.${entry.category}`)}</strong>{' '}
                  <span className="muted">{entry.operatorId}</span>{' '}
                  {entry.refs.clientIds[0] && (
                    <TimelineLinkTo client={entry.refs.clientIds[0]} at={entry.at} />
                  )}
                  <p>{entry.text}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section className="panel">
        <h2>{t('shifts.history')}</h2>
        <ul className="shift-list">
          {shifts.map((shift) => (
            <li key={shift.id}>
              <a href={href({ route: 'shifts', tab: 'report', shift: shift.id })}>
                {format.dateTime(shift.startedAt)} –{' '}
                {shift.endedAt ? format.dateTime(shift.endedAt) : '…'}
              </a>{' '}
              <span className="muted">{shift.operatorIds.join(', ')}</span>{' '}
              <TimelineLinkTo
                shift={shift.id}
                from={shift.startedAt}
                to={shift.endedAt ?? new Date().toISOString()}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
