import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { errorText } from '../api/error-text';
import { useConsole } from './console-context';
import { LoginForm } from './LoginForm';
import { LockSummary } from './LockSummary';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function unlock(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.session.unlock({ password });
    } catch (caught) {
      setError(errorText(caught, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login lock-screen" data-testid="lock-screen">
      <section className="panel login-form" aria-labelledby="lock-title">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.body', { name })}</p>
        <LockSummary />
        <form className="login-fields" onSubmit={(event) => void unlock(event)}>
          <label htmlFor="unlock-password">{t('lock.password', { name })}</label>
          <input
            id="unlock-password"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || password === ''}>
            {busy ? t('lock.working') : t('lock.unlock')}
          </button>
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
