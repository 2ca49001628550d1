import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

/** The map's basemap (an institution's tile server, else offline) and trail length. */
export function MapSettingsPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const [tileUrl, setTileUrl] = useState(settings.tileUrl ?? '');
  const [attribution, setAttribution] = useState(settings.tileAttribution);
  const [pmtilesPath, setPmtilesPath] = useState(settings.pmtilesPath ?? '');
  const [trailHours, setTrailHours] = useState(String(settings.trailHours));
  const { message, save } = useSaveSettings();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await save(
      {
        tileUrl: tileUrl.trim() === '' ? null : tileUrl.trim(),
        tileAttribution: attribution,
        pmtilesPath: pmtilesPath.trim() === '' ? null : pmtilesPath.trim(),
        trailHours: Number(trailHours),
      },
      t('settings.saved'),
    );
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
        <label htmlFor="pmtiles-path">{t('mapSettings.pmtilesPath')}</label>
        <input
          id="pmtiles-path"
          placeholder={t('mapSettings.pmtilesPlaceholder')}
          value={pmtilesPath}
          onChange={(event) => setPmtilesPath(event.target.value)}
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
      <SaveMessage message={message} />
    </form>
  );
}
