import { useTranslation } from 'react-i18next';
import type { HandoverDraft, HandoverAlertLine } from '../../../../shared/domain/shifts';
import { useFormat } from '../../api/use-format';

/** The drafted handover as text the outgoing referent starts from, in their language. */
export function useDraftSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  const alertLine = (line: HandoverAlertLine) =>
    [
      `- ${t(`alertType.${line.alert.type}`)} · ${line.clientName ?? line.alert.clientId}`,
      line.alert.claimedBy
        ? t('handover.claimedBy', { name: line.alert.claimedBy })
        : t('handover.unclaimed'),
      t('handover.minutesOpen', { minutes: line.minutesOpen }),
      ...(line.missed.length ? [t('handover.missed', { which: line.missed.join(', ') })] : []),
    ].join(' · ');
  return (draft: HandoverDraft): string => {
    const section = (title: string, lines: string[]) =>
      `${title}:\n${lines.length ? lines.join('\n') : `- ${t('handover.nothing')}`}`;
    return [
      t('handover.raised', { count: draft.raised }),
      section(t('handover.open'), draft.open.map(alertLine)),
      section(
        t('handover.resolved'),
        draft.resolved.map(
          (line) =>
            `- ${t(`alertType.${line.alert.type}`)} · ${line.clientName ?? ''} · ${line.alert.resolution?.code ?? ''}`,
        ),
      ),
      section(t('handover.equipment'), draft.equipment.map(alertLine)),
      section(
        t('handover.suppressions'),
        draft.suppressions.map(
          (s) =>
            `- ${s.clientName ?? ''} · ${t(`alertType.${s.type}`)} · ${format.time(s.until, false)} · ${s.reason}`,
        ),
      ),
      ...(draft.mutedUntil
        ? [t('handover.muted', { time: format.time(draft.mutedUntil, false) })]
        : []),
      section(
        t('handover.clientsChanged'),
        draft.clientsChanged.map((c) => `- ${c.name} (${c.status})`),
      ),
      section(
        t('handover.unsent'),
        draft.unsent.map((u) => `- ${u.operation} ${u.subjectId ?? ''}`),
      ),
    ].join('\n\n');
  };
}
