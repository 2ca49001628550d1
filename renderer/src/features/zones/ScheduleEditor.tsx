import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../../shared/central/records';

type Rule = Schedule['rules'][number];
type Exception = Schedule['exceptions'][number];

const TIMEZONE = 'Europe/Riga';
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOUR = 3_600_000;
const nextHour = () => Math.ceil(Date.now() / HOUR) * HOUR;
const CURFEW: Rule = { days: [...DAYS], start: '22:00', end: '06:00' };

/** A datetime-local value (this computer's time, which in the centre is Riga's) and back. */
const toLocalInput = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => new Date(value).toISOString();

/**
 * When a zone is in force: always, or weekly rules in Riga time (an end before the start runs past
 * midnight, as a curfew does) with exceptions: an authorised absence (a court date) or an extra
 * curfew, each from–to with its reason and who authorised it.
 */
export function ScheduleEditor({
  schedule,
  onChange,
}: {
  schedule: Schedule | null;
  onChange(schedule: Schedule | null): void;
}) {
  const { t } = useTranslation();
  const setRules = (rules: Rule[]) => schedule && onChange({ ...schedule, rules });
  const setExceptions = (exceptions: Exception[]) =>
    schedule && onChange({ ...schedule, exceptions });
  return (
    <fieldset className="schedule-editor" data-testid="schedule-editor">
      <legend>{t('zones.schedule')}</legend>
      <label>
        <input
          type="radio"
          checked={schedule === null}
          onChange={() => onChange(null)}
          name="schedule-kind"
        />
        {t('zones.scheduleAlways')}
      </label>
      <label>
        <input
          type="radio"
          checked={schedule !== null}
          onChange={() => onChange({ timezone: TIMEZONE, rules: [CURFEW], exceptions: [] })}
          name="schedule-kind"
          data-testid="schedule-rules"
        />
        {t('zones.scheduleRules')}
      </label>
      {schedule && (
        <>
          <h4>{t('zones.rules')}</h4>
          {schedule.rules.map((rule, index) => (
            <RuleRow
              key={index}
              rule={rule}
              onChange={(next) => setRules(schedule.rules.map((r, i) => (i === index ? next : r)))}
              onRemove={() => setRules(schedule.rules.filter((_, i) => i !== index))}
            />
          ))}
          <button type="button" onClick={() => setRules([...schedule.rules, CURFEW])}>
            {t('zones.addRule')}
          </button>
          <h4>{t('zones.exceptions')}</h4>
          {schedule.exceptions.map((exception, index) => (
            <ExceptionRow
              key={index}
              exception={exception}
              onChange={(next) =>
                setExceptions(schedule.exceptions.map((e, i) => (i === index ? next : e)))
              }
              onRemove={() => setExceptions(schedule.exceptions.filter((_, i) => i !== index))}
            />
          ))}
          <AddException onAdd={(e) => setExceptions([...schedule.exceptions, e])} />
        </>
      )}
    </fieldset>
  );
}

function RuleRow({
  rule,
  onChange,
  onRemove,
}: {
  rule: Rule;
  onChange(rule: Rule): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const toggle = (day: number) =>
    onChange({
      ...rule,
      days: rule.days.includes(day)
        ? rule.days.filter((d) => d !== day)
        : [...rule.days, day].sort((a, b) => a - b),
    });
  return (
    <div className="rule-row" data-testid="schedule-rule">
      {DAYS.map((day) => (
        <label key={day} className="day">
          <input type="checkbox" checked={rule.days.includes(day)} onChange={() => toggle(day)} />
          {t(`zones.day.${day}`)}
        </label>
      ))}
      <label>
        {t('zones.from')}{' '}
        <input
          type="time"
          value={rule.start}
          onChange={(e) => e.target.value && onChange({ ...rule, start: e.target.value })}
        />
      </label>
      <label>
        {t('zones.to')}{' '}
        <input
          type="time"
          value={rule.end}
          onChange={(e) => e.target.value && onChange({ ...rule, end: e.target.value })}
        />
      </label>
      {rule.end < rule.start && <span className="muted">{t('zones.crossesMidnight')}</span>}
      <button type="button" onClick={onRemove}>
        {t('zones.remove')}
      </button>
    </div>
  );
}

function ExceptionRow({
  exception,
  onChange,
  onRemove,
}: {
  exception: Exception;
  onChange(exception: Exception): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="exception-row" data-testid="schedule-exception" data-active={exception.active}>
      <strong>{t(exception.active ? 'zones.curfewKind' : 'zones.absenceKind')}</strong>
      <label>
        {t('zones.from')}{' '}
        <input
          type="datetime-local"
          value={toLocalInput(exception.from)}
          onChange={(e) =>
            e.target.value && onChange({ ...exception, from: fromLocalInput(e.target.value) })
          }
        />
      </label>
      <label>
        {t('zones.to')}{' '}
        <input
          type="datetime-local"
          value={toLocalInput(exception.to)}
          onChange={(e) =>
            e.target.value && onChange({ ...exception, to: fromLocalInput(e.target.value) })
          }
        />
      </label>
      <span>{exception.reason}</span>
      <button type="button" onClick={onRemove}>
        {t('zones.remove')}
      </button>
    </div>
  );
}

/** A new exception: its kind, times, reason and who authorised it (kept in the reason's text). */
function AddException({ onAdd }: { onAdd(exception: Exception): void }) {
  const { t } = useTranslation();
  // The next full hour, for two hours: a court date's usual shape.
  const [from, setFrom] = useState(() => toLocalInput(new Date(nextHour()).toISOString()));
  const [to, setTo] = useState(() => toLocalInput(new Date(nextHour() + 2 * HOUR).toISOString()));
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const add = (active: boolean) => {
    const why = reason.trim();
    onAdd({
      from: fromLocalInput(from),
      to: fromLocalInput(to),
      active,
      reason: by.trim() ? t('zones.authorisedSuffix', { reason: why, by: by.trim() }) : why,
    });
    setReason('');
    setBy('');
  };
  return (
    <div className="exception-new" data-testid="exception-new">
      <label>
        {t('zones.from')}{' '}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('zones.to')}{' '}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        {t('zones.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {t('zones.authorisedBy')} <input value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <button type="button" onClick={() => add(false)}>
        {t('zones.addAbsence')}
      </button>
      <button type="button" onClick={() => add(true)}>
        {t('zones.addCurfew')}
      </button>
    </div>
  );
}
