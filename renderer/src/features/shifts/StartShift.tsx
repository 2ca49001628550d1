import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleApiError } from '../../../../shared/api/errors';
import type { ShiftView } from '../../../../shared/domain/shifts';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useConsole } from '../../app/console-context';
import { useFormat } from '../../api/use-format';

/** No shift open: who is on duty, and start. The core refuses while another shift is open. */
export function StartShift({ view }: { view: ShiftView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useConsole().session.operator;
  const [onDuty, setOnDuty] = useState<string[]>(me ? [me.id] : []);
  const [error, setError] = useState<string | null>(null);
  const people = [...view.operators];
  if (me && !people.some((p) => p.id === me.id)) people.unshift({ id: me.id, name: me.name });

  async function start(): Promise<void> {
    setError(null);
    try {
      await api.shifts.start({ operatorIds: onDuty });
    } catch (failure) {
      const params = failure instanceof ConsoleApiError ? failure.params : undefined;
      setError(
        params?.what === 'shift_open'
          ? t('shifts.openElsewhere', {
              time: format.dateTime(String(params.startedAt)),
              names: params.names,
            })
          : errorText(failure, t),
      );
    }
  }
  if (view.waiting.start) return <p className="muted">{t('shifts.waiting')}</p>;
  return (
    <div className="panel start-shift">
      <p>{t('shifts.none')}</p>
      <fieldset>
        <legend>{t('shifts.onDuty')}</legend>
        {people.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={onDuty.includes(p.id)}
              onChange={(e) =>
                setOnDuty(e.target.checked ? [...onDuty, p.id] : onDuty.filter((id) => id !== p.id))
              }
            />
            {p.name}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={onDuty.length === 0}
        onClick={() => void start()}
        data-testid="shift-start"
      >
        {t('shifts.start')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="shift-error">
          {error}
        </p>
      )}
    </div>
  );
}
