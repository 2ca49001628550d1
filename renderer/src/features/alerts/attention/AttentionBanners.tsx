import { useTranslation } from 'react-i18next';
import { useQueue } from '../queue-provider';
import { href } from '../../../app/routes';
import { isSupervisor } from '../../../../../shared/domain/attention';
import { useConsole } from '../../../app/console-context';
import { useAttention } from './AttentionProvider';
import { standingBreaches } from './cues';

/** How many escalations the banner names; the rest are counted. */
const NAMED = 5;

/**
 * Above every page: the flood summary while alerts pour in, and for supervisors the alerts whose
 * targets were missed and still stand (each links to it in the queue).
 */
export function AttentionBanners() {
  const { t } = useTranslation();
  const { session } = useConsole();
  const { flood } = useAttention();
  const { queue } = useQueue();
  const supervisor = isSupervisor(session.operator);
  const escalations = supervisor ? standingBreaches(queue ?? []) : [];
  return (
    <>
      {flood.flooding && (
        <div className="banner warning flood-banner" role="alert" data-testid="flood-banner">
          <strong>{t('attention.floodTitle')}</strong>{' '}
          {t('attention.floodBody', { count: flood.count })}{' '}
          {flood.byType.map(([type, count]) => (
            <span key={type} className="flood-type" data-type={type}>
              {t(`alertType.${type}`)} {count}
            </span>
          ))}
        </div>
      )}
      {escalations.length > 0 && (
        <div className="banner danger escalation-banner" role="alert" data-testid="escalations">
          <strong>{t('attention.escalationTitle')}</strong>
          <ul>
            {escalations.slice(0, NAMED).map(({ alert, clientName }) => (
              <li key={alert.id}>
                <a href={href({ route: 'alerts', alert: alert.id })}>
                  {t(`attention.missed.${alert.state === 'open' ? 'claim' : 'resolve'}`, {
                    type: t(`alertType.${alert.type}`),
                    client: clientName ?? alert.clientId,
                  })}
                </a>
              </li>
            ))}
          </ul>
          {escalations.length > NAMED && (
            <span>{t('attention.moreEscalations', { count: escalations.length - NAMED })}</span>
          )}
        </div>
      )}
    </>
  );
}
