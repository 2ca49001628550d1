import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

/** The idle lock: how long the console may stay untouched before it hides everything. */
export function SecurityPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const [minutes, setMinutes] = useState(String(settings.idleLockMinutes));
  const { message, save } = useSaveSettings();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await save({ idleLockMinutes: Number(minutes) }, t('settings.saved'));
  }

  return (
    <form
      className="panel"
      onSubmit={(event) => void submit(event)}
      data-testid="security-settings"
    >
      <h2>{t('security.title')}</h2>
      <div className="form-grid">
        <label htmlFor="idle-lock">{t('security.idleLock')}</label>
        <input
          id="idle-lock"
          type="number"
          min={0.25}
          max={240}
          step={0.25}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </div>
      <p className="muted">{t('security.hint')}</p>
      <button type="submit">{t('central.save')}</button>
      <SaveMessage message={message} />
    </form>
  );
}
