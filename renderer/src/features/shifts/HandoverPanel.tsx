import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../../shared/central/records';
import type { HandoverDraft, ShiftView } from '../../../../shared/domain/shifts';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { useConsole } from '../../app/console-context';
import { DraftSections } from './DraftSections';
import { useDraftSummary } from './draft-summary';

/**
 * The handover: drafted by the console, edited and signed by the outgoing referent, then read and
 * accepted by another referent, which ends the shift. The same operator cannot sign both sides.
 */
export function HandoverPanel({ view, shift }: { view: ShiftView; shift: Shift }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useConsole().session.operator;
  const summarize = useDraftSummary();
  const [draft, setDraft] = useState<HandoverDraft | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const names = new Map(view.operators.map((o) => [o.id, o.name]));
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure, t));
    }
  };

  const handover = shift.handover;
  if (handover) {
    const mine = handover.outgoingSignedBy === me?.id;
    return (
      <section className="panel handover" data-testid="handover">
        <h2>{t('shifts.handover')}</h2>
        <p data-testid="handover-signed">
          {t('shifts.signedOut', {
            name: names.get(handover.outgoingSignedBy) ?? handover.outgoingSignedBy,
            time: format.dateTime(handover.outgoingSignedAt),
          })}
        </p>
        <pre className="handover-summary" data-testid="handover-summary">
          {handover.summary}
        </pre>
        <p className="muted">{t('shifts.draftOpen', { count: handover.openAlertIds.length })}</p>
        {view.waiting.accept ? (
          <p className="muted">{t('shifts.waiting')}</p>
        ) : mine ? (
          <p className="muted" data-testid="same-operator">
            {t('shifts.sameOperator')}
          </p>
        ) : (
          <button
            type="button"
            onClick={() =>
              void run(() =>
                api.shifts.accept({ shiftId: shift.id, expectedVersion: shift.version }),
              )
            }
            data-testid="handover-accept"
          >
            {t('shifts.accept')}
          </button>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="panel handover" data-testid="handover">
      <h2>{t('shifts.handover')}</h2>
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const next = await api.shifts.draft({ shiftId: shift.id });
            setDraft(next);
            setSummary(summarize(next));
          })
        }
        data-testid="handover-draft"
      >
        {t('shifts.draft')}
      </button>
      {draft && (
        <>
          <DraftSections draft={draft} names={names} />
          <label>
            {t('shifts.summary')}
            <textarea
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              rows={10}
              data-testid="handover-text"
            />
          </label>
          {view.waiting.handover ? (
            <p className="muted">{t('shifts.waiting')}</p>
          ) : (
            <button
              type="button"
              disabled={summary.trim() === ''}
              onClick={() =>
                void run(() =>
                  api.shifts.handover({
                    shiftId: shift.id,
                    summary,
                    openAlertIds: draft.open.map((line) => line.alert.id),
                    expectedVersion: shift.version,
                  }),
                )
              }
              data-testid="handover-sign"
            >
              {t('shifts.sign')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
