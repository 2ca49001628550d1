import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { useConsole } from './console-context';
import { LanguageSwitch } from './LanguageSwitch';

/** The first screen: nobody sees clients' data before signing in. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { session } = useConsole();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.session.login({ username, password });
    } catch (caught) {
      setError(caught instanceof ConsoleApiError ? caught.message : String(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form
        className="panel login-form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="login-title"
      >
        <div className="login-head">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">
          {session.central ? t('login.central', { url: session.central }) : t('login.noCentral')}
        </p>
        {session.reason && (
          <p className="banner warning" role="alert">
            {session.reason}
          </p>
        )}
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || username === '' || password === ''}>
          {busy ? t('login.working') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
