import { useTranslation } from 'react-i18next';
import type { StationView, StationsState } from '../../../../shared/domain/stations';
import { useClock } from '../../api/use-clock';
import { useFormat } from '../../api/use-format';

/** The link as a technician reads it: which station, whether it talks, and what the line drops. */
export function LinkStatus({
  link,
  alertsReach,
}: {
  link: StationView;
  alertsReach: StationsState['alertsReach'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useClock(1000);
  const { counters } = link;
  const dropped = Object.values(counters.dropped).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(counters.dropped).filter(([, n]) => n > 0);
  return (
    <div className="link-status" data-testid="link-status" data-state={link.state}>
      <p>
        <strong className={`link-state link-${link.state}`}>
          {t(`stations.state.${link.state}`)}
        </strong>{' '}
        {link.identity && (
          <span data-testid="station-identity">
            {link.identity.model} {link.identity.serial} · {link.identity.firmware}
          </span>
        )}{' '}
        <span className="muted">
          {link.path} · {t(`stations.mode.${link.mode}`)}
          {link.lastHeardAt &&
            ` · ${t('stations.lastHeard', { age: format.age(now - Date.parse(link.lastHeardAt)) })}`}
        </span>
      </p>
      <p className="muted" data-testid="link-counters">
        {t('stations.counters', {
          good: counters.good,
          dropped,
          resends: counters.resends,
          timeouts: counters.timeouts,
        })}
        {reasons.length > 0 &&
          ` (${reasons.map(([reason, n]) => `${t(`stations.dropReason.${reason}`)}: ${n}`).join(', ')})`}
      </p>
      {link.mode === 'receiver' && (
        <p
          className={alertsReach === 'local' ? 'warning-text' : 'muted'}
          data-testid="alerts-reach"
        >
          {t(alertsReach === 'local' ? 'stations.alertsLocal' : 'stations.alertsShared')}
        </p>
      )}
    </div>
  );
}
