import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionKind } from '../../../../shared/central/alert-workflow';
import type { Alert, Operator } from '../../../../shared/central/records';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import type { FormKind } from './ActionForm';
import { offersFor } from './offers';

export type Message = { error: boolean; text: string } | null;

/**
 * What may be done with the alert shown, and doing it: the offers (state machine, role, a move
 * still waiting), the open form, and the outcome to tell the operator; another alert shown starts
 * with no form and nothing to tell. `onActed` hears which alert was acted on (the page keeps it
 * in view once it leaves the queue). `alert` is the one shown as the page knows it: its detail's,
 * or the queue's until the detail has loaded, so a key pressed at once after a move is not lost.
 */
export function useAlertWorkflow(
  shownId: string | null,
  alert: Alert | null,
  operator: Operator | null,
  waiting: ReadonlyMap<string, ActionKind>,
  onActed: (alertId: string) => void,
) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormKind | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [shownFor, setShownFor] = useState(shownId);
  if (shownFor !== shownId) {
    setShownFor(shownId);
    setForm(null);
    setMessage(null);
  }
  const offers = alert ? offersFor(alert, operator, waiting.get(alert.id) ?? null) : [];
  const refused = (kind: ActionKind): boolean => {
    const offer = offers.find((candidate) => candidate.kind === kind);
    if (!offer?.refusal) return false;
    setMessage({ error: true, text: t('alerts.notOffered', { reason: offer.refusal }) });
    return true;
  };

  async function act(kind: ActionKind, payload: Record<string, string>): Promise<void> {
    if (!alert || refused(kind)) return;
    onActed(alert.id);
    try {
      await api.alerts.act({ alertId: alert.id, kind, payload, expectedVersion: alert.version });
      setForm(null);
      setMessage({ error: false, text: t('alerts.queued') });
    } catch (error) {
      setMessage({ error: true, text: errorText(error, t) });
    }
  }
  const startForm = (kind: FormKind): void => {
    if (!refused(kind)) setForm(kind);
  };
  return { offers, form, setForm, message, act, startForm };
}
