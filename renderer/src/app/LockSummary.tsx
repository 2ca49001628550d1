import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { severities } from '../../../shared/central/records';
import { api } from '../api';
import { useLive } from '../api/use-live';
import { CRITICAL_REPEAT_MS } from '../features/alerts/attention/cues';
import { playSound } from '../features/alerts/attention/sounds';

/** How soon a new alert sounds on the lock screen (no event reaches a locked page: they carry positions). */
const POLL_MS = 2_000;

/**
 * The open alerts while the console is locked: counts by severity, no names. A new alert sounds
 * (by its severity) and an unclaimed critical one repeats, as on the unlocked console.
 */
export function LockSummary() {
  const { t } = useTranslation();
  const { value: summary } = useLive(() => api.attention.summary({}), [], [], { everyMs: POLL_MS });
  // The first answer is what was open already; only later arrivals sound.
  const heard = useRef<string | null | undefined>(undefined);
  const newest = summary?.newest ?? null;
  useEffect(() => {
    if (summary === null) return;
    if (heard.current !== undefined && newest && newest.id !== heard.current)
      playSound(newest.severity);
    heard.current = newest?.id ?? null;
  }, [summary, newest]);

  useEffect(() => {
    const repeat = setInterval(() => {
      if ((summary?.unclaimedCritical ?? 0) > 0) playSound('critical');
    }, CRITICAL_REPEAT_MS);
    return () => clearInterval(repeat);
  }, [summary?.unclaimedCritical]);

  if (!summary) return null;
  if (summary.open === 0) return <p className="muted">{t('lock.none')}</p>;
  return (
    <div className="lock-summary" data-testid="lock-summary" role="status">
      <strong>{t('lock.alerts')}</strong>
      <ul>
        {severities.map((severity) => (
          <li key={severity} className={`severity-${severity}`}>
            {t(`alerts.severity.${severity}`)}: {summary.bySeverity[severity]}
          </li>
        ))}
      </ul>
      {summary.unclaimedCritical > 0 && (
        <p className="error">{t('lock.unclaimedCritical', { count: summary.unclaimedCritical })}</p>
      )}
    </div>
  );
}
