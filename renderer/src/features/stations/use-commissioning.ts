import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CommissioningReport,
  CommissioningStepInput,
} from '../../../../shared/domain/commissioning';
import { api } from '../../api';
import { saveDocument } from '../../api/download';
import { errorText } from '../../api/error-text';

type Message = { error: boolean; text: string } | null;
/** A step's input as the page gives it (the report's id is the hook's). */
type StepInput = CommissioningStepInput extends infer I
  ? I extends unknown
    ? Omit<I, 'reportId'>
    : never
  : never;

/**
 * The wizard's work: the draft report (the core keeps it, so a failed step or a closed page
 * resumes where it stopped), running one step at a time, signing, and the PDF.
 */
export function useCommissioning() {
  const { t } = useTranslation();
  const [report, setReport] = useState<CommissioningReport | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  async function attempt(
    what: string,
    action: () => Promise<CommissioningReport | void>,
  ): Promise<void> {
    setRunning(what);
    setMessage(null);
    try {
      const next = await action();
      if (next) setReport(next);
    } catch (error) {
      setMessage({ error: true, text: errorText(error, t) });
      // The core saved the failure with the step: show the report as it now stands.
      if (report)
        setReport(await api.commissioning.get({ reportId: report.id }).catch(() => report));
    } finally {
      setRunning(null);
    }
  }

  return {
    report,
    running,
    message,
    start: (clientId: string) => attempt('start', () => api.commissioning.start({ clientId })),
    open: (reportId: string) => attempt('open', () => api.commissioning.get({ reportId })),
    step: (input: StepInput) =>
      report &&
      attempt(input.step, () =>
        api.commissioning.step({ ...input, reportId: report.id } as CommissioningStepInput),
      ),
    sign: () => report && attempt('sign', () => api.commissioning.sign({ reportId: report.id })),
    pdf: () =>
      report &&
      attempt('pdf', async () =>
        saveDocument(await api.commissioning.pdf({ reportId: report.id })),
      ),
    close: () => setReport(null),
  };
}

export type Commissioning = ReturnType<typeof useCommissioning>;
