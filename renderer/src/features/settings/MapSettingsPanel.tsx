import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

/** The centre's basemaps: an institution's tile server, a local PMTiles file, else offline. */
export function MapSettingsPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const [tileUrl, setTileUrl] = useState(settings.tileUrl ?? '');
  const [attribution, setAttribution] = useState(settings.tileAttribution);
  const [subdomains, setSubdomains] = useState(settings.tileSubdomains.join(','));
  const [wmsUrl, setWmsUrl] = useState(settings.wmsUrl ?? '');
  const [wmsLayers, setWmsLayers] = useState(settings.wmsLayers);
  const [wmsFormat, setWmsFormat] = useState(settings.wmsFormat);
  const [wmsAttribution, setWmsAttribution] = useState(settings.wmsAttribution);
  const [basemapDir, setBasemapDir] = useState(settings.basemapDir ?? '');
  const [pmtilesPath, setPmtilesPath] = useState(settings.pmtilesPath ?? '');
  const { message, save } = useSaveSettings();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await save(
      {
        tileUrl: tileUrl.trim() === '' ? null : tileUrl.trim(),
        tileAttribution: attribution,
        tileSubdomains: subdomains
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
        wmsUrl: wmsUrl.trim() === '' ? null : wmsUrl.trim(),
        wmsLayers,
        wmsFormat,
        wmsAttribution,
        basemapDir: basemapDir.trim() === '' ? null : basemapDir.trim(),
        pmtilesPath: pmtilesPath.trim() === '' ? null : pmtilesPath.trim(),
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
        <label htmlFor="tile-subdomains">{t('centre.subdomains')}</label>
        <input
          id="tile-subdomains"
          value={subdomains}
          onChange={(event) => setSubdomains(event.target.value)}
        />
        <label htmlFor="wms-url">{t('centre.wmsUrl')}</label>
        <input id="wms-url" value={wmsUrl} onChange={(event) => setWmsUrl(event.target.value)} />
        <label htmlFor="wms-layers">{t('centre.wmsLayers')}</label>
        <input
          id="wms-layers"
          value={wmsLayers}
          onChange={(event) => setWmsLayers(event.target.value)}
        />
        <label htmlFor="wms-format">{t('centre.wmsFormat')}</label>
        <select
          id="wms-format"
          value={wmsFormat}
          onChange={(event) => setWmsFormat(event.target.value as typeof wmsFormat)}
        >
          <option value="image/png">PNG</option>
          <option value="image/jpeg">JPEG</option>
        </select>
        <label htmlFor="wms-attribution">{t('centre.wmsAttribution')}</label>
        <input
          id="wms-attribution"
          value={wmsAttribution}
          onChange={(event) => setWmsAttribution(event.target.value)}
        />
        <label htmlFor="basemap-dir">{t('centre.basemapDir')}</label>
        <input
          id="basemap-dir"
          placeholder={t('centre.basemapDirPlaceholder')}
          value={basemapDir}
          onChange={(event) => setBasemapDir(event.target.value)}
        />
        <label htmlFor="pmtiles-path">{t('mapSettings.pmtilesPath')}</label>
        <input
          id="pmtiles-path"
          placeholder={t('mapSettings.pmtilesPlaceholder')}
          value={pmtilesPath}
          onChange={(event) => setPmtilesPath(event.target.value)}
        />
      </div>
      <p className="muted">{t('mapSettings.hint')}</p>
      <button type="submit">{t('central.save')}</button>
      <SaveMessage message={message} />
    </form>
  );
}
