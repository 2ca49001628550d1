import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../../shared/central/records';

type Exception = Schedule['exceptions'][number];

const HOUR = 3_600_000;
const nextHour = () => Math.ceil(Date.now() / HOUR) * HOUR;

/** A datetime-local value (this computer's time, which in the centre is Riga's) and back. */
const toLocalInput = (iso: string) => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => new Date(value).toISOString();

/** One exception of a schedule: an authorised absence or an extra curfew, its times and reason. */
export function ExceptionRow({
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
export function AddException({ onAdd }: { onAdd(exception: Exception): void }) {
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
