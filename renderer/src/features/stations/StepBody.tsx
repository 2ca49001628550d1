import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CommissioningReport,
  CommissioningStep,
} from '../../../../shared/domain/commissioning';
import type { CommissioningView } from '../../../../shared/domain/map';
import type { StationView } from '../../../../shared/domain/stations';
import { api } from '../../api';
import { useClock } from '../../api/use-clock';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { HomeMap } from './HomeMap';
import { RssiChart } from './RssiChart';
import type { Commissioning } from './use-commissioning';

interface Props {
  step: CommissioningStep;
  report: CommissioningReport;
  client: CommissioningView | null;
  link: StationView;
  wizard: Commissioning;
}

/** What one step shows and asks for: its inputs before it runs, what it measured after. */
export function StepBody({ step, report, client, link, wizard }: Props) {
  switch (step) {
    case 'identity':
      return report.identity ? (
        <p>
          {report.identity.model} · {report.identity.serial} · {report.identity.firmware} ·{' '}
          {report.identity.hardware}
        </p>
      ) : null;
    case 'status':
      return <Checks report={report} />;
    case 'clock':
      return <ClockSet report={report} />;
    case 'config':
      return <ConfigForm report={report} wizard={wizard} />;
    case 'pair':
      return <PairForm report={report} client={client} wizard={wizard} />;
    case 'range':
      return <RangeTest report={report} link={link} wizard={wizard} />;
    case 'home':
      return <HomeResult report={report} client={client} />;
  }
}

function Checks({ report }: { report: CommissioningReport }) {
  const { t } = useTranslation();
  if (report.checks.length === 0) return null;
  const shown = (value: number | boolean) =>
    typeof value === 'boolean' ? (value ? '✓' : '✗') : String(value);
  const limit = (value: number | boolean) =>
    typeof value === 'boolean'
      ? t(value ? 'commission.required' : 'commission.notRequired')
      : t('commission.limitAtLeast', { value });
  return (
    <table className="checks" data-testid="status-checks">
      <tbody>
        {report.checks.map((check) => (
          <tr key={check.name} className={check.pass ? 'pass' : 'fail'}>
            <th>{t(`commission.check.${check.name}`)}</th>
            <td>{shown(check.value)}</td>
            <td className="muted">{limit(check.limit)}</td>
            <td>{t(check.pass ? 'commission.pass' : 'commission.fail')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClockSet({ report }: { report: CommissioningReport }) {
  const format = useFormat();
  return report.clockSetTo ? <p>{format.dateTime(report.clockSetTo)}</p> : null;
}

function ConfigForm({ report, wizard }: { report: CommissioningReport; wizard: Commissioning }) {
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

function PairForm({
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

function RangeTest({
  report,
  link,
  wizard,
}: {
  report: CommissioningReport;
  link: StationView;
  wizard: Commissioning;
}) {
  const { t } = useTranslation();
  const now = useClock(500);
  const [level, setLevel] = useState(report.range?.level ?? 3);
  const live = link.rfTest.running;
  return (
    <div className="step-form">
      <label>
        {t('commission.level')} <span className="muted">{t('commission.levelHint')}</span>
        <select
          value={level}
          onChange={(e) => setLevel(Number(e.target.value))}
          data-testid="range-level"
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() =>
          void api.stations.rfTest(live ? { action: 'stop' } : { action: 'start', level })
        }
      >
        {t(live ? 'commission.stopTest' : 'commission.startTest')}
      </button>
      <button
        type="button"
        disabled={wizard.running !== null || live}
        onClick={() => void wizard.step({ step: 'range', level })}
        data-testid="run-range"
      >
        {t(report.steps.range.done ? 'commission.again' : 'commission.run')}
      </button>
      {link.rfTest.samples.length > 0 && <RssiChart samples={link.rfTest.samples} now={now} />}
      {report.range && (
        <ul>
          {report.range.tags.map((tag) => (
            <li key={tag.tagId}>
              {tag.tagId}:{' '}
              {t('report.rssi', {
                samples: tag.samples,
                min: tag.minRssiDbm,
                max: tag.maxRssiDbm,
                mean: tag.meanRssiDbm,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HomeResult({
  report,
  client,
}: {
  report: CommissioningReport;
  client: CommissioningView | null;
}) {
  const { t } = useTranslation();
  if (!report.home) return null;
  return (
    <div>
      <p data-testid="home-distance">
        {report.home.lat.toFixed(6)}, {report.home.lon.toFixed(6)} ·{' '}
        {report.home.distanceM === null
          ? t('commission.noHomeAddress')
          : t('commission.homeDistance', { distance: report.home.distanceM })}
      </p>
      <HomeMap
        station={report.home}
        home={client?.client.installationPosition ?? null}
        address={report.homeAddress}
      />
    </div>
  );
}
