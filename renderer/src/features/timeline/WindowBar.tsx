import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WINDOW_DAYS } from '../../../../shared/domain/timeline';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import { goTo } from '../../app/routes';
import {
  fromLocalInput,
  toLocalInput,
  windowOf,
  windowProblem,
  type TimelineLink,
  type TimelineWindow,
} from './timeline-window';

/**
 * Whose timeline and which window: the client (picked from the register when the link names
 * none), then ±1 h around the alert or the shift the link came from, the last 24 h, or from–to.
 */
export function WindowBar({ link, window }: { link: TimelineLink; window: TimelineWindow }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => toLocalInput(window.from));
  const [to, setTo] = useState(() => toLocalInput(window.to));
  // The register (10,000 rows in a large centre) only when a client is to be picked.
  const register = useLive(
    async () => (link.client ? null : api.clients.register()),
    [],
    [link.client],
  ).value;
  const problem = windowProblem(fromLocalInput(from), fromLocalInput(to));
  const open = (changes: Partial<TimelineLink>) => goTo({ ...link, ...changes, route: 'timeline' });
  return (
    <form
      className="timeline-window"
      aria-label={t('timeline.window')}
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        open({
          from: new Date(fromLocalInput(from)).toISOString(),
          to: new Date(fromLocalInput(to)).toISOString(),
        });
      }}
    >
      {link.client ? (
        <button type="button" className="link-button" onClick={() => open({ client: undefined })}>
          {t('timeline.changeClient')}
        </button>
      ) : (
        <label>
          {t('timeline.client')}{' '}
          <select value="" onChange={(e) => open({ client: e.target.value || undefined })}>
            <option value="">—</option>
            {register?.rows.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name} · {row.caseNumber}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('timeline.window')}{' '}
        <select
          value={window.preset}
          onChange={(e) => {
            if (e.target.value === 'day') {
              const day = windowOf({ route: 'timeline' }, Date.now());
              open({ from: day.from, to: day.to, alert: undefined, shift: undefined });
            }
          }}
        >
          {link.alert && <option value="alert">{t('timeline.windows.alert')}</option>}
          {link.shift && <option value="shift">{t('timeline.windows.shift')}</option>}
          <option value="day">{t('timeline.windows.day')}</option>
          <option value="custom">{t('timeline.windows.custom')}</option>
        </select>
      </label>
      <label>
        {t('timeline.from')}{' '}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('timeline.to')}{' '}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" disabled={problem !== null}>
        {t('timeline.open')}
      </button>
      {problem === 'length' && (
        <span className="error">{t('timeline.tooLong', { days: MAX_WINDOW_DAYS })}</span>
      )}
    </form>
  );
}
