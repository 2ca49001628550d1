import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { href } from '../../app/routes';
import { aroundMoment, type TimelineLink } from './timeline-window';

/**
 * "Timeline" from an alert, a client, a journal entry or a shift: offered only to those the core
 * would open it for (supervisors). An alert or an entry opens ±1 h around it; a shift its span.
 */
export function TimelineLinkTo({
  client,
  alert,
  shift,
  at,
  from,
  to,
}: {
  client?: string;
  alert?: string;
  shift?: string;
  /** The moment to centre a ±1 h window on (an alert's raising, a journal entry's time). */
  at?: string;
  from?: string;
  to?: string;
}) {
  const { t } = useTranslation();
  const { may } = useConsole();
  if (!may('timeline.open')) return null;
  const window = at ? aroundMoment(at) : from && to ? { from, to } : {};
  const link: TimelineLink = { route: 'timeline', client, alert, shift, ...window };
  return (
    <a href={href(link)} className="timeline-link" data-testid="timeline-link">
      {t('timeline.openTimeline')}
    </a>
  );
}
