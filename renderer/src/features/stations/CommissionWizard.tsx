import { useTranslation } from 'react-i18next';
import {
  commissioningSteps,
  type CommissioningStep,
} from '../../../../shared/domain/commissioning';
import type { CommissioningView } from '../../../../shared/domain/map';
import type { StationView } from '../../../../shared/domain/stations';
import { api } from '../../api';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { ClientPicker } from './ClientPicker';
import { ReportList } from './ReportList';
import { StepBody } from './StepBody';
import { useCommissioning } from './use-commissioning';

/** Steps that run with no input: a button does it. The others carry their own form. */
const SIMPLE = ['identity', 'status', 'clock', 'home'] as const;
const isSimple = (step: CommissioningStep): step is (typeof SIMPLE)[number] =>
  (SIMPLE as readonly string[]).includes(step);

/**
 * Commissioning, step by step, against the connected station: pick the client, then identity,
 * status, clock, central service, tags, range and home position, each resumable; then sign.
 */
export function CommissionWizard({ link }: { link: StationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const wizard = useCommissioning();
  const { report } = wizard;
  const client = useLive(
    async () =>
      report
        ? ((await api.clients.detail({ clientId: report.clientId })) as CommissioningView)
        : null,
    [],
    [report?.clientId],
  ).value;

  if (!report)
    return (
      <div className="wizard">
        <ClientPicker onPick={(id) => void wizard.start(id)} busy={wizard.running !== null} />
        {wizard.message && (
          <p className="error" role="alert">
            {wizard.message.text}
          </p>
        )}
        {link.identity && (
          <ReportList
            filter={{ stationSerial: link.identity.serial }}
            onOpen={(id) => void wizard.open(id)}
          />
        )}
      </div>
    );
  const signed = report.state === 'signed';
  const allDone = commissioningSteps.every((step) => report.steps[step].done);
  return (
    <div className="wizard" data-testid="wizard" data-report={report.id}>
      <h2>
        {report.clientName} · {report.stationSerial}
      </h2>
      {report.homeAddress && <p className="muted">{report.homeAddress}</p>}
      <ol className="steps">
        {commissioningSteps.map((step) => {
          const state = report.steps[step];
          const status = state.done ? 'done' : state.error ? 'failed' : 'pending';
          return (
            <li
              key={step}
              className={`step step-${status}`}
              data-testid={`step-${step}`}
              data-status={status}
            >
              <header>
                <strong>{t(`commission.step.${step}`)}</strong>
                <span className="step-state">{t(`commission.${status}`)}</span>
                {!signed && isSimple(step) && (
                  <button
                    type="button"
                    disabled={wizard.running !== null}
                    onClick={() => void wizard.step({ step })}
                    data-testid={`run-${step}`}
                  >
                    {wizard.running === step
                      ? '…'
                      : t(state.done ? 'commission.again' : 'commission.run')}
                  </button>
                )}
              </header>
              {state.error && !state.done && <p className="error">{state.error.message}</p>}
              {(!signed || state.done) && (
                <StepBody
                  step={step}
                  report={report}
                  client={client ?? null}
                  link={link}
                  wizard={wizard}
                />
              )}
            </li>
          );
        })}
      </ol>
      {wizard.message && (
        <p className={wizard.message.error ? 'error' : 'muted'} role="status">
          {wizard.message.text}
        </p>
      )}
      <div className="wizard-actions">
        {signed ? (
          <p data-testid="signed">
            {t('commission.signed', {
              name: report.technicianName,
              time: format.dateTime(report.signedAt!),
            })}
          </p>
        ) : (
          <button
            type="button"
            disabled={!allDone || wizard.running !== null}
            onClick={() => void wizard.sign()}
            data-testid="sign-report"
          >
            {t('commission.sign')}
          </button>
        )}
        <button type="button" onClick={() => void wizard.pdf()} data-testid="report-pdf">
          {t('commission.pdf')}
        </button>
        <button type="button" onClick={wizard.close}>
          ✕
        </button>
      </div>
    </div>
  );
}
