import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { severities } from '../../../shared/central/records';
import type { AttentionSummary } from '../../../shared/domain/attention';
import { api } from '../api';
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
  const [summary, setSummary] = useState<AttentionSummary | null>(null);
  const heard = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      api.attention.summary().then(
        (next) => {
          if (!live) return;
          // The first answer is what was open already; only later arrivals sound.
          if (heard.current !== undefined && next.newest && next.newest.id !== heard.current)
            playSound(next.newest.severity);
          heard.current = next.newest?.id ?? null;
          setSummary(next);
        },
        () => undefined,
      );
    };
    load();
    const poll = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(poll);
    };
  }, []);

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
