import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useConsole } from './console-context';
import { LoginForm } from './LoginForm';
import { LockSummary } from './LockSummary';
import { SubmitRow } from './SubmitRow';
import { useSubmit } from './use-submit';
import './lock-screen.css';

/**
 * The locked console: no client's data anywhere in the page (the shell is not mounted), the open
 * alerts as counts that keep sounding, the same operator's password to go on, or another operator
 * signing in instead.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const { session } = useConsole();
  const name = session.operator?.name ?? '';
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api.session.unlock({ password }),
    () => setPassword(''),
  );

  return (
    <main className="login lock-screen" data-testid="lock-screen">
      <section className="panel login-form" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.body', { name })}</p>
        <LockSummary />
        <form className="login-fields" onSubmit={(event) => void submit(event)}>
          <label htmlFor="unlock-password">{t('lock.password', { name })}</label>
          <input
            id="unlock-password"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitRow
            error={error}
            busy={busy}
            ready={password !== ''}
            label={t('lock.unlock')}
            busyLabel={t('lock.working')}
          />
        </form>
        <details className="lock-switch">
          <summary>{t('lock.switchTitle')}</summary>
          <p className="muted">{t('lock.switch', { name })}</p>
          <LoginForm idPrefix="switch" />
        </details>
      </section>
    </main>
  );
}
