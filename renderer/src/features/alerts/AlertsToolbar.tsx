import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import type { QueueFilter } from './queue-rows';

/** The queue's title and count, why it could not be loaded, and the open/suppressed filter. */
export function AlertsToolbar({
  shown,
  open,
  suppressed,
  error,
  filter,
  onFilter,
}: {
  shown: number;
  open: number;
  suppressed: number;
  error: unknown;
  filter: QueueFilter;
  onFilter(filter: QueueFilter): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alerts-toolbar">
      <h1>{t('alerts.title')}</h1>
      <span data-testid="alert-count">{t('alerts.count', { count: shown })}</span>
      {error !== null && (
        <span className="error" role="alert">
          {errorText(error, t)}
        </span>
      )}
      <span className="queue-filters" role="group" aria-label={t('alerts.filter')}>
        {(['open', 'suppressed'] as const).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={filter === name}
            data-testid={`filter-${name}`}
            onClick={() => onFilter(name)}
          >
            {t(`alerts.filters.${name}`, { count: name === 'open' ? open : suppressed })}
          </button>
        ))}
      </span>
      <span className="muted shortcuts">{t('alerts.shortcuts')}</span>
    </div>
  );
}
