import { useTranslation } from 'react-i18next';
import { useClock } from '../../api/use-clock';
import type { Alert } from '../../../../shared/central/records';
import { slaStatus, type AlertSla } from '../../../../shared/domain/alerts';
import { formatTimer } from '../../../../shared/format/age';

/** The alert's next target (claim, then resolve) counting down each second, and overrun once breached. */
export function SlaTimer({ alert, sla }: { alert: Alert; sla: AlertSla }) {
  const { t } = useTranslation();
  const now = useClock(1000);
  const status = slaStatus(alert, sla, now);
  if (!status.due) return null;
  const time = formatTimer(status.remainingMs);
  const key = status.due === 'claim' ? 'claim' : 'resolve';
  return (
    <span
      className={status.breached ? 'sla breached' : 'sla'}
      data-testid="sla"
      data-breached={status.breached}
    >
      {t(status.breached ? `alerts.${key}Late` : `alerts.${key}In`, { time })}
    </span>
  );
}
