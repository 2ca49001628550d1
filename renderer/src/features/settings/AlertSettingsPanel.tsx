import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertTypes, severities } from '../../../../shared/central/records';
import type { AlertSla } from '../../../../shared/domain/alerts';
import { useConsole } from '../../app/console-context';
import { SaveMessage, useSaveSettings } from './use-save';

type AlertType = (typeof alertTypes)[number];

/**
 * The centre's alert rules: how soon each severity must be claimed and resolved (minutes), and
 * the checklist shown for each alert type (one step a line; empty: the built-in guidance).
 */
export function AlertSettingsPanel() {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const [sla, setSla] = useState(() => toMinutes(settings.alertSla));
  const [type, setType] = useState<AlertType>('strap_tamper');
  const [steps, setSteps] = useState(() => stepsText(settings.alertGuidance[type]));
  const { message, save } = useSaveSettings();

  function chooseType(next: AlertType): void {
    setType(next);
    setSteps(stepsText(settings.alertGuidance[next]));
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const lines = steps
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const guidance = { ...settings.alertGuidance };
    if (lines.length > 0) guidance[type] = lines;
    else delete guidance[type];
    await save({ alertSla: fromMinutes(sla), alertGuidance: guidance }, t('settings.saved'));
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} data-testid="alert-settings">
      <h2>{t('alertSettings.title')}</h2>
      <table className="sla-table">
        <thead>
          <tr>
            <th />
            <th>{t('alertSettings.claimMin')}</th>
            <th>{t('alertSettings.resolveMin')}</th>
          </tr>
        </thead>
        <tbody>
          {severities.map((severity) => (
            <tr key={severity}>
              <th scope="row">{t(`alerts.severity.${severity}`)}</th>
              {(['claim', 'resolve'] as const).map((due) => (
                <td key={due}>
                  <input
                    type="number"
                    min={0.25}
                    step={0.25}
                    aria-label={`${t(`alerts.severity.${severity}`)} ${t(`alertSettings.${due}Min`)}`}
                    value={sla[severity][due]}
                    onChange={(event) =>
                      setSla((held) => ({
                        ...held,
                        [severity]: { ...held[severity], [due]: event.target.value },
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-grid">
        <label htmlFor="guidance-type">{t('alertSettings.guidanceFor')}</label>
        <select
          id="guidance-type"
          value={type}
          onChange={(event) => chooseType(event.target.value as AlertType)}
        >
          {alertTypes.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`alertType.${candidate}`)}
            </option>
          ))}
        </select>
        <label htmlFor="guidance-steps">{t('alertSettings.steps')}</label>
        <textarea
          id="guidance-steps"
          rows={6}
          placeholder={t(`guidance.${type}`)}
          value={steps}
          onChange={(event) => setSteps(event.target.value)}
        />
      </div>
      <p className="muted">{t('alertSettings.hint')}</p>
      <button type="submit">{t('central.save')}</button>
      <SaveMessage message={message} />
    </form>
  );
}

type Minutes = Record<keyof AlertSla, { claim: string; resolve: string }>;

function toMinutes(sla: AlertSla): Minutes {
  const entries = severities.map((s) => [
    s,
    { claim: String(sla[s].claimS / 60), resolve: String(sla[s].resolveS / 60) },
  ]);
  return Object.fromEntries(entries) as Minutes;
}

function fromMinutes(minutes: Minutes): AlertSla {
  const entries = severities.map((s) => [
    s,
    {
      claimS: Math.round(Number(minutes[s].claim) * 60),
      resolveS: Math.round(Number(minutes[s].resolve) * 60),
    },
  ]);
  return Object.fromEntries(entries) as AlertSla;
}

const stepsText = (steps: string[] | undefined): string => (steps ?? []).join('\n');
