import { useTranslation } from 'react-i18next';
import type { HandoverAlertLine, HandoverDraft } from '../../../../shared/domain/shifts';

/** The draft's alerts as lists the referents read before signing: not resolved first. */
export function DraftSections({
  draft,
  names,
}: {
  draft: HandoverDraft;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const row = (line: HandoverAlertLine) => (
    <li key={line.alert.id} data-testid="draft-alert" data-alert={line.alert.id}>
      <strong>{t(`alertType.${line.alert.type}`)}</strong> ·{' '}
      {line.clientName ?? line.alert.clientId} ·{' '}
      {line.alert.claimedBy
        ? t('handover.claimedBy', { name: names.get(line.alert.claimedBy) ?? line.alert.claimedBy })
        : t('handover.unclaimed')}{' '}
      · {t('handover.minutesOpen', { minutes: line.minutesOpen })}
      {line.missed.length > 0 && (
        <span className="missed-mark">
          {' '}
          · {t('handover.missed', { which: line.missed.join(', ') })}
        </span>
      )}
    </li>
  );
  return (
    <div className="draft">
      <p>{t('handover.raised', { count: draft.raised })}</p>
      <h3>{t('handover.open')}</h3>
      <ul data-testid="draft-open">{draft.open.map(row)}</ul>
      <h3>{t('handover.resolved')}</h3>
      <ul>
        {draft.resolved.map((line) => (
          <li key={line.alert.id}>
            {t(`alertType.${line.alert.type}`)} · {line.clientName} · {line.alert.resolution?.code}
          </li>
        ))}
      </ul>
      {draft.equipment.length > 0 && (
        <>
          <h3>{t('handover.equipment')}</h3>
          <ul>{draft.equipment.map(row)}</ul>
        </>
      )}
      {draft.unsent.length > 0 && (
        <>
          <h3>{t('handover.unsent')}</h3>
          <ul>
            {draft.unsent.map((u) => (
              <li key={`${u.operation}-${u.createdAt}`}>
                {u.operation} {u.subjectId}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
