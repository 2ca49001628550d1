import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { useConnection } from '../../app/connection-context';
import { SaveMessage, useSaveSettings } from './use-save';

/**
 * Which central monitoring service this console works with. Empty: the built-in training
 * simulator. Read at start-up (each service has its own cache), so it says when it applies.
 */
export function CentralPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const { connection } = useConnection();
  const [draft, setDraft] = useState(settings.centralUrl ?? '');
  const { message, save } = useSaveSettings();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const centralUrl = draft.trim() === '' ? null : draft.trim();
    await save({ centralUrl }, t('central.savedRestart'));
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} data-testid="central-panel">
      <h2>{t('central.title')}</h2>
      <p className="muted">
        {t('central.now', { url: connection.central ?? t('connection.not_configured') })}
      </p>
      <div className="form-grid">
        <label htmlFor="central-url">{t('central.url')}</label>
        <input
          id="central-url"
          type="url"
          placeholder={t('central.placeholder')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      <p className="muted">{t('central.hint')}</p>
      <button type="submit">{t('central.save')}</button>
      <SaveMessage message={message} />
    </form>
  );
}
