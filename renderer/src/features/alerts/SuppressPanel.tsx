import { useState, type FormEvent } from 'react';
import { useFormat } from '../../api/use-format';
import { errorText } from '../../api/error-text';
import { useTranslation } from 'react-i18next';
import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import { SUPPRESS_MAX_MINUTES, SUPPRESS_MIN_MINUTES } from '../../../../shared/domain/attention';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

const CHOICES = [SUPPRESS_MIN_MINUTES, 30, 60, SUPPRESS_MAX_MINUTES] as const;

/**
 * The alert's suppression, if it was raised under one, and for a supervisor the form that quiets
 * this alert type for this client for a while (a reason is required; the core records it).
 */
export function SuppressPanel({ item, supervisor }: { item: AlertQueueItem; supervisor: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState<number>(30);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const { alert, suppression } = item;
  // Whether a new suppression is the service's (every console) or this console's alone (1.0).
  const scope = useLive(() => api.alerts.suppressions({}), ['alerts.suppressed'], []);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const made = await api.alerts.suppress({
        clientId: alert.clientId,
        type: alert.type,
        minutes,
        reason,
      });
      setQueued(made.queued !== null);
      setOpen(false);
      setReason('');
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  async function lift(id: number): Promise<void> {
    try {
      await api.alerts.liftSuppression({ id });
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <section className="suppress-panel" data-testid="suppress-panel">
      {suppression && (
        <p data-testid="suppressed-note">
          {t('alerts.suppressedNote', {
            until: format.time(suppression.until, false),
            who: suppression.operatorId ?? '—',
            reason: suppression.reason,
          })}{' '}
          {supervisor && (
            <button
              type="button"
              data-testid="suppress-lift"
              onClick={() => void lift(suppression.id)}
            >
              {t('alerts.liftSuppression')}
            </button>
          )}
        </p>
      )}
      {!open && error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {queued && !open && <p data-testid="suppress-queued">{t('alerts.suppressQueued')}</p>}
      {supervisor && !open && (
        <button type="button" data-testid="suppress-start" onClick={() => setOpen(true)}>
          {t('alerts.suppress', { type: t(`alertType.${alert.type}`) })}
        </button>
      )}
      {supervisor && open && (
        <form
          className="action-form"
          data-testid="form-suppress"
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
        >
          <label>
            {t('alerts.suppressFor')}
            <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
              {CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t('attention.minutes', { count: choice })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('alerts.suppressReason')}
            <input
              autoFocus
              required
              minLength={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          {scope.value && (
            <p className="muted" data-testid="suppress-scope" data-shared={scope.value.shared}>
              {t(scope.value.shared ? 'alerts.suppressShared' : 'alerts.suppressLocal')}
            </p>
          )}
          <div className="form-buttons">
            <button type="submit">{t('alerts.form.record')}</button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('alerts.form.cancel')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
