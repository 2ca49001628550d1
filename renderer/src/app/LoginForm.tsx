import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { SubmitRow } from './SubmitRow';
import { useSubmit } from './use-submit';

/** Username and password; signing in here replaces whoever held the console (lock screen). */
export function LoginForm({ idPrefix = 'login' }: { idPrefix?: string }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api.session.login({ username, password }),
    () => setPassword(''),
  );

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
      <SubmitRow
        error={error}
        busy={busy}
        ready={username !== '' && password !== ''}
        label={t('login.submit')}
        busyLabel={t('login.working')}
      />
    </form>
  );
}
