import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../../../shared/format/age';
import { localeFor } from '../../../shared/i18n';
import { useConsole } from './console-context';

/** Always visible in the header: is what the referent sees live, catching up, or offline? */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { connection, bridgeUp, settings } = useConsole();
  const now = useNow(1000);

  if (!bridgeUp) {
    return (
      <div className="connection" data-status="bridge_lost" role="status" data-testid="connection">
        <span className="dot" aria-hidden />
        {t('connection.bridgeLost')}
      </div>
    );
  }
  const label =
    connection.status === 'catching_up' && connection.behind !== null
      ? t('connection.catching_up_behind', { count: connection.behind })
      : t(`connection.${connection.status}`);
  const sinceTime = new Date(connection.since).toLocaleTimeString(localeFor[settings.language]);
  const lastEvent = connection.lastEventAt
    ? t('connection.lastEvent', { age: formatAge(now - Date.parse(connection.lastEventAt)) })
    : null;
  return (
    <div
      className="connection"
      data-status={connection.status}
      role="status"
      data-testid="connection"
      title={connection.detail ?? connection.central ?? undefined}
    >
      <span className="dot" aria-hidden />
      <span>{label}</span>
      <span className="muted">{t('connection.since', { time: sinceTime })}</span>
      {lastEvent && <span className="muted">{lastEvent}</span>}
    </div>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
