import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

/**
 * Commissioning: the pass/fail limits of a station's status check and where commissioned stations
 * report to (the wizard's defaults). The centre's, so an administrator's.
 */
export function StationSettingsPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const [limits, setLimits] = useState(settings.stationLimits);
  const [config, setConfig] = useState(settings.stationConfig);
  const { message, save } = useSaveSettings();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await save({ stationLimits: limits, stationConfig: config }, t('settings.saved'));
  }
  const number = (value: string) => (value === '' ? 0 : Number(value));

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} data-testid="station-settings">
      <h2>{t('commission.settingsTitle')}</h2>
      <div className="form-grid">
        <label htmlFor="min-battery">{t('commission.check.battery')} (%)</label>
        <input
          id="min-battery"
          type="number"
          min={0}
          max={100}
          value={limits.minBatteryPct}
          onChange={(e) => setLimits({ ...limits, minBatteryPct: number(e.target.value) })}
        />
        <label htmlFor="min-gsm">{t('commission.check.gsm')} (0–31)</label>
        <input
          id="min-gsm"
          type="number"
          min={0}
          max={31}
          value={limits.minGsmCsq}
          onChange={(e) => setLimits({ ...limits, minGsmCsq: number(e.target.value) })}
        />
        <label htmlFor="need-mains">{t('commission.check.mains')}</label>
        <input
          id="need-mains"
          type="checkbox"
          checked={limits.requireMains}
          onChange={(e) => setLimits({ ...limits, requireMains: e.target.checked })}
        />
        <label htmlFor="need-case">{t('commission.check.case')}</label>
        <input
          id="need-case"
          type="checkbox"
          checked={limits.requireCaseClosed}
          onChange={(e) => setLimits({ ...limits, requireCaseClosed: e.target.checked })}
        />
        <label htmlFor="station-host">{t('commission.host')}</label>
        <input
          id="station-host"
          value={config.centralHost}
          onChange={(e) => setConfig({ ...config, centralHost: e.target.value })}
        />
        <label htmlFor="station-port">{t('commission.centralPort')}</label>
        <input
          id="station-port"
          type="number"
          min={1}
          max={65535}
          value={config.centralPort}
          onChange={(e) => setConfig({ ...config, centralPort: number(e.target.value) })}
        />
        <label htmlFor="station-apn">{t('commission.apn')}</label>
        <input
          id="station-apn"
          value={config.apn}
          onChange={(e) => setConfig({ ...config, apn: e.target.value })}
        />
      </div>
      <button type="submit">{t('central.save')}</button>
      <SaveMessage message={message} />
    </form>
  );
}
