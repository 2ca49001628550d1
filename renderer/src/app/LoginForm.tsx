import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { errorText } from '../api/error-text';

/** Username and password; signing in here replaces whoever held the console (lock screen). */
export function LoginForm({ idPrefix = 'login' }: { idPrefix?: string }) {
  const { t } = useTranslation();
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
      setError(errorText(caught, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login-fields" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${idPrefix}-username`}>{t('login.username')}</label>
      <input
        id={`${idPrefix}-username`}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor={`${idPrefix}-password`}>{t('login.password')}</label>
      <input
        id={`${idPrefix}-password`}
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
  );
}
