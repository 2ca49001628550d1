import { useTranslation } from 'react-i18next';
import { useConsole } from './console-context';
import { LanguageSwitch } from './LanguageSwitch';
import { LoginForm } from './LoginForm';

/** The first screen: nobody sees clients' data before signing in. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { session } = useConsole();
  return (
    <main className="login">
      <section className="panel login-form" aria-labelledby="login-title">
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
        <LoginForm />
      </section>
    </main>
  );
}
