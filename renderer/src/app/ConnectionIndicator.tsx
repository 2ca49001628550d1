import { useClock } from '../api/use-clock';
import { useFormat } from '../api/use-format';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../../../shared/format/age';
import { useConnection } from './connection-context';

/**
 * Data older than this is marked stale. The stream sends something at least every 15 s and is
 * declared dead after 45 s of silence, so a minute without anything means the picture is old.
 */
const STALE_AFTER_MS = 60_000;

/** Always visible in the header: is what the referent sees live, catching up, or offline? */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const { connection, bridgeUp } = useConnection();
  const now = useClock(1000);

  if (!bridgeUp) {
    return (
      <div className="connection" data-status="bridge_lost" role="status" data-testid="connection">
        <span className="dot" aria-hidden />
        {t('connection.bridgeLost')}
      </div>
    );
  }
  const label =
    connection.status === 'catching_up' && connection.behindMs !== null
      ? t('connection.catching_up_behind', { age: formatAge(connection.behindMs) })
      : t(`connection.${connection.status}`);
  const sinceTime = format.time(connection.since);
  const ageMs = connection.lastEventAt ? now - Date.parse(connection.lastEventAt) : null;
  const lastEvent = ageMs === null ? null : t('connection.lastEvent', { age: formatAge(ageMs) });
  const stale = ageMs !== null && ageMs > STALE_AFTER_MS;
  return (
    <div
      className="connection"
      data-status={connection.status}
      data-stale={stale || undefined}
      role="status"
      data-testid="connection"
      title={connection.detail ?? connection.central ?? undefined}
    >
      <span className="dot" aria-hidden />
      <span>{label}</span>
      <span className="muted">{t('connection.since', { time: sinceTime })}</span>
      {lastEvent && <span className="muted">{lastEvent}</span>}
      {stale && <strong className="stale">{t('connection.stale')}</strong>}
    </div>
  );
}
