import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useConsole } from './console-context';

/** Who is on this console, locking it while away, and the way out. */
export function OperatorBadge() {
  const { t } = useTranslation();
  const { session } = useConsole();
  if (!session.operator) return null;
  return (
    <div className="operator">
      <span data-testid="operator-name">
        {t('login.signedInAs', { name: session.operator.name })}
      </span>
      <button type="button" onClick={() => void api.session.lock()} data-testid="lock-now">
        {t('lock.lockNow')}
      </button>
      <button type="button" onClick={() => void api.session.logout()}>
        {t('login.signOut')}
      </button>
    </div>
  );
}
