import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientIndex } from './client-index';

/** Search by name or case number, and the counts a referent scans: placed, unplaced, alerting. */
export function MapToolbar({
  index,
  now,
  search,
  onSelect,
}: {
  index: ClientIndex;
  now: number;
  search: RefObject<HTMLInputElement | null>;
  onSelect(id: string): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const hits = index.search(query);
  return (
    <div className="map-toolbar">
      <div className="map-search">
        <input
          ref={search}
          type="search"
          placeholder={t('map.search')}
          aria-label={t('map.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="map-search"
        />
        {hits.length > 0 && (
          <ul className="map-hits" role="listbox">
            {hits.map((hit) => (
              <li key={hit.id}>
                <button
                  type="button"
                  onClick={() => {
                    setQuery('');
                    onSelect(hit.id);
                  }}
                >
                  {hit.name} · {hit.caseNumber}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <span data-testid="map-count" data-count={index.points.size}>
        {t('map.count', { count: index.points.size })}
      </span>
      {index.unplaced.size > 0 && (
        <span className="muted">{t('map.unplaced', { count: index.unplaced.size })}</span>
      )}
      <span className="muted">{t('map.withAlerts', { count: index.withAlerts(now).length })}</span>
      <span className="muted shortcuts">{t('map.shortcuts')}</span>
    </div>
  );
}
