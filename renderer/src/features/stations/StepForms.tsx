import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissioningReport } from '../../../../shared/domain/commissioning';
import type { CommissioningView } from '../../../../shared/domain/map';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import type { Commissioning } from './use-commissioning';

/** The steps that ask for something before they run: where the station reports to, which tags. */
export function ConfigForm({
  report,
  wizard,
}: {
  report: CommissioningReport;
  wizard: Commissioning;
}) {
  const { t } = useTranslation();
  const defaults = useLive(() => api.settings.get({}), [], []).value?.stationConfig;
  const initial = report.config ?? defaults;
  const [edited, setEdited] = useState<{
    centralHost?: string;
    centralPort?: string;
    apn?: string;
  }>({});
  if (!initial) return null;
  const host = edited.centralHost ?? initial.centralHost;
  const port = edited.centralPort ?? String(initial.centralPort);
  const apn = edited.apn ?? initial.apn;
  return (
    <form
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        void wizard.step({
          step: 'config',
          config: { centralHost: host, centralPort: Number(port), apn },
        });
      }}
    >
      <label>
        {t('commission.host')}
        <input
          value={host}
          onChange={(e) => setEdited({ ...edited, centralHost: e.target.value })}
        />
      </label>
      <label>
        {t('commission.centralPort')}
        <input
          value={port}
          inputMode="numeric"
          onChange={(e) => setEdited({ ...edited, centralPort: e.target.value })}
        />
      </label>
      <label>
        {t('commission.apn')}
        <input value={apn} onChange={(e) => setEdited({ ...edited, apn: e.target.value })} />
      </label>
      <button type="submit" disabled={wizard.running !== null} data-testid="run-config">
        {t(report.steps.config.done ? 'commission.again' : 'commission.run')}
      </button>
    </form>
  );
}

export function PairForm({
  report,
  client,
  wizard,
}: {
  report: CommissioningReport;
  client: CommissioningView | null;
  wizard: Commissioning;
}) {
  const { t } = useTranslation();
  const tags = (client?.devices ?? []).filter((d) => d.kind === 'rf_tag' || d.kind === 'gps_tag');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const picked = chosen ?? tags.map((d) => d.id);
  if (tags.length === 0) return <p className="muted">{t('commission.noTags')}</p>;
  const paired = new Set(report.tags.map((tag) => tag.deviceId));
  return (
    <div className="step-form">
      <fieldset>
        <legend>{t('commission.tags')}</legend>
        {tags.map((device) => (
          <label key={device.id}>
            <input
              type="checkbox"
              checked={picked.includes(device.id)}
              onChange={(e) =>
                setChosen(
                  e.target.checked
                    ? [...picked, device.id]
                    : picked.filter((id) => id !== device.id),
                )
              }
            />
            {device.serial} <span className="muted">{t(`devices.kinds.${device.kind}`)}</span>
            {paired.has(device.id) && ' ✓'}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={wizard.running !== null || picked.length === 0}
        onClick={() => void wizard.step({ step: 'pair', deviceIds: picked })}
        data-testid="run-pair"
      >
        {t(report.steps.pair.done ? 'commission.again' : 'commission.run')}
      </button>
    </div>
  );
}
