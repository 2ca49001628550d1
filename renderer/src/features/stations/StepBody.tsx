import { useTranslation } from 'react-i18next';
import type {
  CommissioningReport,
  CommissioningStep,
} from '../../../../shared/domain/commissioning';
import type { CommissioningView } from '../../../../shared/domain/map';
import type { StationView } from '../../../../shared/domain/stations';
import { useFormat } from '../../api/use-format';
import { HomeMap } from './HomeMap';
import { ConfigForm, PairForm } from './StepForms';
import { RangeTest } from './RangeTest';
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
