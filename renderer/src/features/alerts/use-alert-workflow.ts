import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionKind } from '../../../../shared/central/alert-workflow';
import type { Operator } from '../../../../shared/central/records';
import type { AlertDetail } from '../../../../shared/domain/alerts';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import type { FormKind } from './ActionForm';
import { offersFor } from './offers';

export type Message = { error: boolean; text: string } | null;

/**
 * What may be done with the alert shown, and doing it: the offers (state machine, role, a move
 * still waiting), the open form, and the outcome to tell the operator; another alert shown starts
 * with no form and nothing to tell. `onActed` hears which alert was acted on (the page keeps it
 * in view once it leaves the queue).
 */
export function useAlertWorkflow(
  shownId: string | null,
  detail: AlertDetail | null,
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
  const offers = detail
    ? offersFor(detail.item.alert, operator, waiting.get(detail.item.alert.id) ?? null)
    : [];
  const refused = (kind: ActionKind): boolean => {
    const offer = offers.find((candidate) => candidate.kind === kind);
    if (!offer?.refusal) return false;
    setMessage({ error: true, text: t('alerts.notOffered', { reason: offer.refusal }) });
    return true;
  };

  async function act(kind: ActionKind, payload: Record<string, string>): Promise<void> {
    if (!detail || refused(kind)) return;
    const { alert } = detail.item;
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
