import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleApiError } from '../../../../shared/api/errors';
import { languages, type Settings, type SettingsPatch } from '../../../../shared/domain/settings';
import { useConsole } from '../../app/console-context';
import { AboutPanel } from './AboutPanel';
import { AlertSettingsPanel } from './AlertSettingsPanel';
import { CachePanel } from './CachePanel';
import { CentralPanel } from './CentralPanel';
import { MapSettingsPanel } from './MapSettingsPanel';

type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useConsole();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  async function apply(patch: SettingsPatch): Promise<void> {
    try {
      await updateSettings(patch);
      setSave({ kind: 'saved' });
    } catch (error) {
      const message = error instanceof ConsoleApiError ? error.message : String(error);
      setSave({ kind: 'failed', message });
    }
  }

  return (
    <section className="page">
      <h1>{t('settings.title')}</h1>
      <div className="form-grid">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={settings.language}
          onChange={(event) => void apply({ language: event.target.value as Settings['language'] })}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
        <label htmlFor="settings-theme">{t('settings.theme')}</label>
        <select
          id="settings-theme"
          value={settings.theme}
          onChange={(event) => void apply({ theme: event.target.value as Settings['theme'] })}
        >
          <option value="dark">{t('settings.themeDark')}</option>
          <option value="light">{t('settings.themeLight')}</option>
        </select>
      </div>
      <p role="status" className={save.kind === 'failed' ? 'error' : 'muted'}>
        {save.kind === 'saved' && t('settings.saved')}
        {save.kind === 'failed' && t('settings.saveFailed', { message: save.message })}
      </p>
      <CentralPanel />
      <MapSettingsPanel />
      <AlertSettingsPanel />
      <CachePanel />
      <AboutPanel />
    </section>
  );
}
