import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../../shared/format/search';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import { useQueue } from '../alerts/queue-provider';

export interface Refs {
  alertIds: string[];
  clientIds: string[];
  deviceIds: string[];
}

interface Candidate {
  kind: 'alert' | 'client';
  id: string;
  label: string;
}

/** What an entry concerns: alerts and clients found by typing a name, case number or alert type. */
export function RefPicker({ refs, onChange }: { refs: Refs; onChange: (refs: Refs) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const clients = useLive(() => api.map.snapshot({}), [], []).value?.clients;
  const queue = useQueue().queue;
  const names = useMemo(() => new Map((clients ?? []).map((c) => [c.id, c.name])), [clients]);
  const candidates = useMemo<Candidate[]>(() => {
    const wanted = foldForSearch(query.trim());
    if (wanted.length < 2) return [];
    const alerts = (queue ?? []).map((item) => ({
      kind: 'alert' as const,
      id: item.alert.id,
      label: `${t(`alertType.${item.alert.type}`)} · ${item.clientName ?? item.alert.clientId}`,
    }));
    const people = (clients ?? []).map((c) => ({
      kind: 'client' as const,
      id: c.id,
      label: `${c.name} · ${c.caseNumber}`,
    }));
    return [...alerts, ...people]
      .filter((c) => foldForSearch(c.label).includes(wanted))
      .slice(0, 8);
  }, [query, queue, clients, t]);
  const add = (c: Candidate) => {
    const key = c.kind === 'alert' ? 'alertIds' : 'clientIds';
    if (!refs[key].includes(c.id)) onChange({ ...refs, [key]: [...refs[key], c.id] });
    setQuery('');
  };
  const remove = (key: keyof Refs, id: string) =>
    onChange({ ...refs, [key]: refs[key].filter((x) => x !== id) });
  return (
    <div className="ref-picker">
      <ul className="ref-chips" data-testid="entry-refs">
        {refs.alertIds.map((id) => (
          <li key={id}>
            {id}{' '}
            <button
              type="button"
              onClick={() => remove('alertIds', id)}
              aria-label={t('shifts.cancel')}
            >
              ×
            </button>
          </li>
        ))}
        {refs.clientIds.map((id) => (
          <li key={id}>
            {names.get(id) ?? id}{' '}
            <button
              type="button"
              onClick={() => remove('clientIds', id)}
              aria-label={t('shifts.cancel')}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('shifts.refSearch')}
        <input value={query} onChange={(e) => setQuery(e.target.value)} data-testid="ref-search" />
      </label>
      {candidates.length > 0 && (
        <ul className="ref-candidates">
          {candidates.map((c) => (
            <li key={`${c.kind}-${c.id}`}>
              <button type="button" onClick={() => add(c)} data-testid="ref-candidate">
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
