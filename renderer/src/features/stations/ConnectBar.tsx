import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationMode, StationsState } from '../../../../shared/domain/stations';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { LinkStatus } from './LinkStatus';
import { usePorts } from './use-stations';

/**
 * Which port, in which mode, and the link's state: listed ports (refreshed as adapters come and
 * go), a typed path for what the system does not list (pseudo-terminals), the training station.
 */
export function ConnectBar({ state }: { state: StationsState }) {
  const { t } = useTranslation();
  const ports = usePorts().value;
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<StationMode>('commissioning');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = state.link;

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }
  const connect = () => run(() => api.stations.connect({ path: path.trim(), mode }));

  if (link)
    return (
      <div className="connect-bar">
        <LinkStatus link={link} alertsReach={state.alertsReach} />
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.stations.disconnect({}))}
        >
          {t('stations.disconnect')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  return (
    <form
      className="connect-bar"
      onSubmit={(event) => {
        event.preventDefault();
        void connect();
      }}
    >
      <label>
        {t('stations.port')}
        <select
          value={path}
          onChange={(event) => setPath(event.target.value)}
          data-testid="port-select"
        >
          <option value="">—</option>
          {state.virtualPath && <option value={state.virtualPath}>{t('stations.virtual')}</option>}
          {ports?.ports.map((port) => (
            <option key={port.path} value={port.path}>
              {[port.path, port.manufacturer, port.serialNumber].filter(Boolean).join(' · ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stations.typedPath')}
        <input
          value={path}
          onChange={(event) => setPath(event.target.value)}
          data-testid="port-path"
          spellCheck={false}
        />
      </label>
      <label>
        {t('stations.mode.commissioning')} / {t('stations.mode.receiver')}
        <select
          value={mode}
          onChange={(event) => setMode(event.target.value as StationMode)}
          data-testid="port-mode"
        >
          <option value="commissioning">{t('stations.mode.commissioning')}</option>
          <option value="receiver">{t('stations.mode.receiver')}</option>
        </select>
      </label>
      <button type="submit" disabled={busy || path.trim() === ''} data-testid="port-connect">
        {t('stations.connect')}
      </button>
      {ports?.ports.length === 0 && <p className="muted">{t('stations.portsNone')}</p>}
      {ports?.listError && (
        <p className="muted">{t('stations.listError', { error: ports.listError })}</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
