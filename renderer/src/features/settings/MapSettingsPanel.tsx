import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleApiError } from '../../../../shared/api/errors';
import { useConsole } from '../../app/console-context';

/** The map's basemap (an institution's tile server, else offline) and trail length. */
export function MapSettingsPanel() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useConsole();
  const [tileUrl, setTileUrl] = useState(settings.tileUrl ?? '');
  const [attribution, setAttribution] = useState(settings.tileAttribution);
  const [trailHours, setTrailHours] = useState(String(settings.trailHours));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await updateSettings({
        tileUrl: tileUrl.trim() === '' ? null : tileUrl.trim(),
        tileAttribution: attribution,
        trailHours: Number(trailHours),
      });
      setMessage({ error: false, text: t('settings.saved') });
    } catch (error) {
      const text = error instanceof ConsoleApiError ? error.message : String(error);
      setMessage({ error: true, text });
    }
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} data-testid="map-settings">
      <h2>{t('mapSettings.title')}</h2>
      <div className="form-grid">
        <label htmlFor="tile-url">{t('mapSettings.tileUrl')}</label>
        <input
          id="tile-url"
          placeholder={t('mapSettings.tilePlaceholder')}
          value={tileUrl}
          onChange={(event) => setTileUrl(event.target.value)}
        />
        <label htmlFor="tile-attribution">{t('mapSettings.attribution')}</label>
        <input
          id="tile-attribution"
          value={attribution}
          onChange={(event) => setAttribution(event.target.value)}
        />
        <label htmlFor="trail-hours">{t('mapSettings.trailHours')}</label>
        <input
          id="trail-hours"
          type="number"
          min={0.25}
          max={72}
          step={0.25}
          value={trailHours}
          onChange={(event) => setTrailHours(event.target.value)}
        />
      </div>
      <p className="muted">{t('mapSettings.hint')}</p>
      <button type="submit">{t('central.save')}</button>
      {message && (
        <p role="status" className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
