import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/domain/settings';
import { useConsole } from './console-context';

/** Switches the UI language; the choice is a setting, so it survives a restart. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useConsole();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select
        data-testid="language-switch"
        value={settings.language}
        onChange={(event) => void updateSettings({ language: event.target.value as Language })}
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
