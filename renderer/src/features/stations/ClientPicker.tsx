import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../../shared/format/search';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

interface Candidate {
  id: string;
  name: string;
  tags: string[];
}

/**
 * The client whose station this is, found by name or by a tag's serial (what is printed on the
 * tag in the technician's hand), among the clients with tags in the register.
 */
export function ClientPicker({
  onPick,
  busy,
}: {
  onPick: (clientId: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const devices = useLive(() => api.devices.list({}), [], []).value;
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => {
    const byClient = new Map<string, Candidate>();
    for (const d of devices ?? []) {
      if (!d.clientId || (d.kind !== 'rf_tag' && d.kind !== 'gps_tag')) continue;
      const entry = byClient.get(d.clientId) ?? {
        id: d.clientId,
        name: d.clientName ?? d.clientId,
        tags: [],
      };
      entry.tags.push(d.serial);
      byClient.set(d.clientId, entry);
    }
    return [...byClient.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [devices]);
  const wanted = foldForSearch(query.trim());
  const shown = wanted
    ? candidates.filter((c) => foldForSearch(`${c.name} ${c.tags.join(' ')}`).includes(wanted))
    : candidates;
  return (
    <div className="client-picker">
      <label>
        {t('commission.chooseClient')}
        <input
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="client-search"
        />
      </label>
      <ul className="picker-list">
        {shown.slice(0, 30).map((c) => (
          <li key={c.id}>
            <button
              type="button"
              disabled={busy}
              onClick={() => onPick(c.id)}
              data-testid="client-pick"
            >
              {c.name} <span className="muted">{c.tags.join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
