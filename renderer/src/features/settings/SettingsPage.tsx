import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Settings, type SettingsPatch } from '../../../../shared/domain/settings';
import { errorText } from '../../api/error-text';
import { useConsole } from '../../app/console-context';
import { SecurityPanel } from './SecurityPanel';
import { StationSettingsPanel } from './StationSettingsPanel';
import { AboutPanel } from './AboutPanel';
import { AlertSettingsPanel } from './AlertSettingsPanel';
import { CachePanel } from './CachePanel';
import { CentralPanel } from './CentralPanel';
import { MapSettingsPanel } from './MapSettingsPanel';

type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, updateSettings, may } = useConsole();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  async function apply(patch: SettingsPatch): Promise<void> {
    try {
      await updateSettings(patch);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: errorText(error, t) });
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
          <option value="contrast">{t('settings.themeContrast')}</option>
        </select>
        <label htmlFor="trail-hours">{t('mapSettings.trailHours')}</label>
        <input
          id="trail-hours"
          type="number"
          min={0.25}
          max={72}
          step={0.25}
          defaultValue={settings.trailHours}
          onBlur={(event) => void apply({ trailHours: Number(event.target.value) })}
        />
      </div>
      <p role="status" className={save.kind === 'failed' ? 'error' : 'muted'}>
        {save.kind === 'saved' && t('settings.saved')}
        {save.kind === 'failed' && t('settings.saveFailed', { message: save.message })}
      </p>
      {may('settings.setCentre') ? (
        <>
          <CentralPanel />
          <MapSettingsPanel />
          <AlertSettingsPanel />
          <SecurityPanel />
          <StationSettingsPanel />
        </>
      ) : (
        <p className="muted" data-testid="centre-admin-only">
          {t('centre.adminOnly')}
        </p>
      )}
      {may('store.status') && <CachePanel />}
      <AboutPanel />
    </section>
  );
}
