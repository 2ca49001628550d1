import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/domain/settings';
import { useConsole } from './console-context';

/**
 * Switches the UI language. Signed in, the choice is the operator's setting and survives a
 * restart; on the login screen it changes this page only (nobody may save settings yet).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { settings, updateSettings, setDisplay, may } = useConsole();
  const choose = (language: Language): void => {
    if (may('settings.set')) void updateSettings({ language });
    else setDisplay({ language });
  };
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select
        data-testid="language-switch"
        value={settings.language}
        onChange={(event) => choose(event.target.value as Language)}
      >
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
