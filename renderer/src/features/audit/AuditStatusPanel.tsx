import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../../shared/domain/audit';
import { useFormat } from '../../api/use-format';

function anchoringText(
  status: AuditStatus,
  t: ReturnType<typeof useTranslation>['t'],
  dateTime: (at: string) => string,
) {
  const { available, lastSentSeq, lastSentAt } = status.anchoring;
  if (available === null) return t('audit.anchoringUnknown');
  if (!available) return t('audit.anchoringOff');
  if (lastSentSeq === null || lastSentAt === null) return t('audit.anchoringWaiting');
  return t('audit.anchoringOn', { seq: lastSentSeq, time: dateTime(lastSentAt) });
}

/** Whether the chain holds, and whether the central service keeps anchors of it. */
export function AuditStatusPanel({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="panel" data-testid="audit-status">
      {status.broken ? (
        <p className="error" role="alert">
          {t('audit.broken', {
            seq: status.broken.seq,
            reason: t(`audit.reason.${status.broken.reason}`),
          })}
        </p>
      ) : (
        <p>
          {t('audit.intact', {
            rows: status.rows,
            time: status.checkedAt ? format.dateTime(status.checkedAt) : '—',
          })}
        </p>
      )}
      <p className="muted">
        {t('audit.anchoring')}: {anchoringText(status, t, format.dateTime)}
      </p>
    </div>
  );
}
