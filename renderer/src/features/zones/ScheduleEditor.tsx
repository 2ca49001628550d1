import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../../shared/central/records';
import { AddException, ExceptionRow } from './ScheduleExceptions';

type Rule = Schedule['rules'][number];
type Exception = Schedule['exceptions'][number];

const TIMEZONE = 'Europe/Riga';
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const CURFEW: Rule = { days: [...DAYS], start: '22:00', end: '06:00' };

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
