import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertAction } from '../../../../shared/central/records';
import { useFormat } from '../../api/use-format';

/** Every action on the alert, oldest first, with who did it and what they recorded. */
export function AlertJournal({
  actions,
  who,
}: {
  /** null while they load. */
  actions: readonly AlertAction[] | null;
  who(operatorId: string): string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h3>{t('alerts.journal')}</h3>
      {actions === null ? (
        <p className="muted">{t('alerts.journalLoading')}</p>
      ) : actions.length === 0 ? (
        <p className="muted">{t('alerts.noJournal')}</p>
      ) : (
        <ol className="alert-journal" data-testid="alert-journal">
          {actions.map((action) => (
            <li key={action.id} data-kind={action.kind}>
              <time>{format.time(action.at)}</time> {who(action.operatorId)} ·{' '}
              <strong>{t(`alerts.act.${action.kind}`)}</strong> {summary(action, t)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The centre's steps for this type of alert, ticked off as the referent works (not stored). */
export function Checklist({ steps }: { steps: string[] }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<Set<number>>(new Set());
  if (steps.length === 0) return null;
  return (
    <section className="alert-guidance" data-testid="alert-guidance">
      <h3>{t('alerts.guidance')}</h3>
      {steps.map((step, i) => (
        <label key={i}>
          <input
            type="checkbox"
            checked={done.has(i)}
            onChange={() =>
              setDone((held) => {
                const next = new Set(held);
                if (!next.delete(i)) next.add(i);
                return next;
              })
            }
          />
          {step}
        </label>
      ))}
    </section>
  );
}

function summary(action: AlertAction, t: (key: string) => string): string {
  const p = action.payload as Record<string, string | undefined>;
  switch (action.kind) {
    case 'note':
      return p.text ?? '';
    case 'contact':
      return [p.who, p.channel, p.outcome].filter(Boolean).join(' · ');
    case 'escalate':
      return [p.to, p.reason].filter(Boolean).join(' · ');
    case 'resolve':
      return [p.code ? t(`alerts.resolution.${p.code}`) : '', p.note].filter(Boolean).join(' · ');
    default:
      return '';
  }
}
