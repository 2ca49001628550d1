import { useTranslation } from 'react-i18next';
import type { Schedule, Zone } from '../../../../shared/central/records';
import { scheduleInForce } from '../../../../shared/zones/schedule';
import { nextScheduleChange, weekInForce } from '../../../../shared/zones/schedule-preview';
import { useFormat } from '../../api/use-format';

/** Whether a zone is in force now and when that next changes ("in force until 06:00"). */
export function ZoneForce({ zone, now }: { zone: Zone; now: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inForce = scheduleInForce(zone.schedule, new Date(now));
  const next = nextScheduleChange(zone.schedule, now);
  const when = next && format.dateTime(next.at);
  return (
    <span data-testid="zone-force" data-in-force={inForce}>
      {next === null
        ? t(inForce ? 'zones.always' : 'zones.never')
        : t(inForce ? 'zones.inForceUntil' : 'zones.startsAt', { when })}
    </span>
  );
}

/** The next 7 days: when the zone is in force, and the exceptions (marked) that shape them. */
export function WeekPreview({
  schedule,
  now,
  open = false,
}: {
  schedule: Schedule | null;
  now: number;
  open?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (schedule === null) return null;
  const { spans, exceptions } = weekInForce(schedule, now);
  return (
    <details className="week-preview" data-testid="week-preview" open={open}>
      <summary>{t('zones.week', { count: spans.length })}</summary>
      <ul>
        {spans.map((span) => (
          <li key={span.from} data-exception={span.reason !== null}>
            {format.dateTime(span.from)} – {format.dateTime(span.to)}
            {span.reason && ` · ${t('zones.extra', { reason: span.reason })}`}
          </li>
        ))}
        {exceptions
          .filter((e) => !e.active)
          .map((e) => (
            <li key={e.from} className="absence" data-exception="true">
              {t('zones.absence', {
                from: format.dateTime(e.from),
                to: format.dateTime(e.to),
                reason: e.reason,
              })}
            </li>
          ))}
      </ul>
    </details>
  );
}
