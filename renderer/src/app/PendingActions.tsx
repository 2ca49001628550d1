import { useTranslation } from 'react-i18next';
import type { PendingAction } from '../../../shared/domain/outbox';
import { api } from '../api';
import { useOutbox } from './outbox-provider';

/**
 * Header badge: how many of the operator's actions the central service has not received yet.
 * An action is never dropped while the service is unreachable; this says so.
 */
export function PendingBadge() {
  const { t } = useTranslation();
  const pending = useOutbox().items.filter((item) => item.state === 'pending');
  if (pending.length === 0) return null;
  const lastError = pending.find((item) => item.lastError)?.lastError;
  return (
    <div
      className="pending-badge"
      role="status"
      data-testid="pending-actions"
      title={lastError ?? ''}
    >
      {t('outbox.pending', { count: pending.length })}
    </div>
  );
}

/** Refused actions stay on screen, with the reason and what is true now, until read. */
export function RefusalNotices() {
  const { t } = useTranslation();
  const refused = useOutbox().items.filter((item) => item.state === 'rejected');
  if (refused.length === 0) return null;
  return (
    <div className="banner danger" role="alert" data-testid="refusals">
      <strong>{t('outbox.refusedTitle')}</strong>
      <ul>
        {refused.map((item) => (
          <li key={item.id}>
            <span>{describe(t, item)}</span>{' '}
            <button type="button" onClick={() => void api.outbox.markSeen({ id: item.id })}>
              {t('outbox.seen')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function describe(t: T, item: PendingAction): string {
  const what = t(`outbox.operation.${item.operation}`, { id: item.subjectId ?? '' });
  const reason = item.refusal?.message ?? item.lastError ?? '';
  const now = currentState(item.refusal?.current);
  return now
    ? t('outbox.refusedWithState', { what, reason, now })
    : t('outbox.refused', { what, reason });
}

/** A short "what is true now" from the subject record the core attached to the refusal. */
function currentState(current: unknown): string | null {
  if (!current || typeof current !== 'object') return null;
  const record = current as { state?: unknown; claimedBy?: unknown; version?: unknown };
  const parts = [
    typeof record.state === 'string' ? record.state : null,
    typeof record.claimedBy === 'string' ? `→ ${record.claimedBy}` : null,
    typeof record.version === 'number' ? `v${record.version}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}
