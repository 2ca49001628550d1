import { useTranslation } from 'react-i18next';
import { useConsole } from './console-context';

/** Start-up problems (such as a damaged settings file) stay on screen; nothing fails silently. */
export function WarningBanner() {
  const { t } = useTranslation();
  const { info } = useConsole();
  if (info.warnings.length === 0) return null;
  return (
    <div className="banner warning" role="alert" data-testid="startup-warnings">
      <strong>{t('warnings.title')}</strong>
      <ul>
        {info.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
