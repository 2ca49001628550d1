import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';

/** A zone's versions, newest first: from when, who made it (where this console knows), what changed. */
export function ZoneHistoryList({ zoneId }: { zoneId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useLive(() => api.zones.history({ zoneId }), ['zones.changed'], [zoneId]);
  return (
    <details className="zone-history" data-testid="zone-history">
      <summary>{t('zones.history')}</summary>
      {history.error !== null && <p className="error">{errorText(history.error, t)}</p>}
      {history.value && (
        <>
          <p className="muted">{t(`zones.historySource.${history.value.source}`)}</p>
          <ol>
            {history.value.items.map((item) => (
              <li key={item.version} data-testid="zone-version" data-version={item.version}>
                {t('zones.historyItem', {
                  version: item.version,
                  from: format.dateTime(item.validFrom),
                })}{' '}
                ·{' '}
                {item.changedBy
                  ? t('zones.historyBy', { who: item.changedBy })
                  : t('zones.historyElsewhere')}{' '}
                ·{' '}
                {item.changed.length === 0
                  ? t('zones.historyCreated')
                  : item.changed.map((field) => t(`zones.field.${field}`)).join(', ')}
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
