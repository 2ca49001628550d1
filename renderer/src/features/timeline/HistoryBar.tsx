import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryProgress, Timeline } from '../../../../shared/domain/timeline';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';

/**
 * Where the timeline's data came from, and the older part's fetch: the cache holds the client
 * from `cacheFrom`; before it, the service's history is fetched on request, page by page, with a
 * progress bar and a cancel. A 1.0 service keeps no zone history: that is said too.
 */
export function HistoryBar({ timeline, onFetched }: { timeline: Timeline; onFetched(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [progress, setProgress] = useState<HistoryProgress | null>(null);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(
    () =>
      api.on('timeline.progress', (p) => {
        if (p.requestId === requestId) setProgress(p);
      }),
    [requestId],
  );
  const { cacheFrom, fetched, zoneHistory } = timeline.source;
  const older = cacheFrom !== null && Date.parse(cacheFrom) > Date.parse(timeline.from);
  const fetch = () => {
    const id = `h-${Date.now().toString(36)}`;
    setRequestId(id);
    setError(null);
    setProgress({
      requestId: id,
      done: 0,
      positions: 0,
      alerts: 0,
      state: 'fetching',
      message: null,
    });
    api.timeline
      .history({
        requestId: id,
        window: { clientId: timeline.client.id, from: timeline.from, to: timeline.to },
      })
      .then(
        (answer) => {
          if (answer.fetched) onFetched();
        },
        (e: unknown) => setError(e),
      );
  };
  const running = progress?.state === 'fetching';
  return (
    <div className="timeline-sources" data-testid="timeline-sources">
      {cacheFrom && <span>{t('timeline.cacheFrom', { from: format.dateTime(cacheFrom) })}</span>}
      {older && !fetched && (
        <>
          <span>{t('timeline.older')}</span>
          {!running && (
            <button type="button" onClick={fetch}>
              {t('timeline.fetch')}
            </button>
          )}
        </>
      )}
      {running && (
        <>
          <progress max={1} value={progress.done} aria-label={t('timeline.fetch')} />
          <span>
            {t('timeline.fetching', { positions: progress.positions, alerts: progress.alerts })}
          </span>
          <button
            type="button"
            onClick={() => void api.timeline.cancel({ requestId: progress.requestId })}
          >
            {t('timeline.cancel')}
          </button>
        </>
      )}
      {progress?.state === 'cancelled' && <span>{t('timeline.cancelled')}</span>}
      {fetched && <span>{t('timeline.fetched')}</span>}
      {zoneHistory === 'cache' && <span className="muted">{t('timeline.zoneCacheOnly')}</span>}
      {error !== null && <span className="error">{errorText(error, t)}</span>}
    </div>
  );
}
