import { useCallback, useState } from 'react';
import { useFormat } from '../../api/use-format';
import { errorText } from '../../api/error-text';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/domain/store-status';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

/** The local cache: where it is, how big, how long positions are kept, and the last purge. */
export function CachePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { settings } = useConsole();
  const live = useLive(() => api.store.status({}), [], []);
  const [shown, setShown] = useState<StoreStatus | null>(null);
  const status = shown ?? live.value;
  const [days, setDays] = useState(String(settings.retentionDays));
  const [actionError, setError] = useState<string | null>(null);
  const retention = useSaveSettings();
  const error = actionError ?? (live.error ? errorText(live.error, t) : null);

  const act = useCallback(
    async (action: () => Promise<StoreStatus | void>) => {
      try {
        const next = await action();
        setShown(next ?? (await api.store.status()));
        setError(null);
      } catch (caught) {
        setError(errorText(caught, t));
      }
    },
    [t],
  );

  const save = () => retention.save({ retentionDays: Number(days) }, t('settings.saved'));
  const when = (iso: string) => format.dateTime(iso);

  return (
    <section className="panel" aria-labelledby="cache-title" data-testid="cache-panel">
      <h2 id="cache-title">{t('cache.title')}</h2>
      {status && !status.available && (
        <p className="error" role="alert">
          {t('cache.unavailable')}: {status.error}
        </p>
      )}
      <div className="form-grid">
        <label htmlFor="retention-days">{t('cache.retentionDays')}</label>
        <span className="inline">
          <input
            id="retention-days"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
          <button type="button" onClick={() => void save()}>
            {t('cache.save')}
          </button>
        </span>
      </div>
      <SaveMessage message={retention.message} />
      <p className="muted">{t('cache.retentionHint')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {status?.available && (
        <dl className="facts">
          <dt>{t('cache.file')}</dt>
          <dd>{status.file}</dd>
          <dt>{t('cache.size')}</dt>
          <dd>{((status.sizeBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB</dd>
          <dt>{t('cache.cursor')}</dt>
          <dd>{status.cursor}</dd>
          <dt>{t('cache.lastPurge')}</dt>
          <dd data-testid="last-purge">
            {status.lastPurge
              ? t('cache.lastPurgeValue', {
                  time: when(status.lastPurge.at),
                  count: status.lastPurge.deleted,
                  before: when(status.lastPurge.before),
                })
              : t('cache.never')}
          </dd>
          <dt>{t('cache.packedDays')}</dt>
          <dd data-testid="packed-days">
            {status.packedDays
              ? t('cache.packedDaysValue', status.packedDays)
              : t('cache.packedDaysNone')}
          </dd>
          <dt>{t('cache.records')}</dt>
          <dd>
            {Object.entries(status.counts ?? {})
              .map(
                ([table, count]) =>
                  `${t(`cache.counts.${table}`, { defaultValue: table })}: ${count}`,
              )
              .join(' · ')}
          </dd>
        </dl>
      )}
      <button type="button" onClick={() => void act(() => api.store.purge())}>
        {t('cache.purgeNow')}
      </button>
    </section>
  );
}
