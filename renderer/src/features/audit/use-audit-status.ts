import type { AuditStatus } from '../../../../shared/domain/audit';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

/** The audit log's health, kept fresh by the core's `audit.changed`. */
export function useAuditStatus(): AuditStatus | null {
  return useLive(() => api.audit.status({}), ['audit.changed'], []).value;
}
