import { useEffect, useState } from 'react';
import type { AuditStatus } from '../../../../shared/domain/audit';
import { api } from '../../api';

/** The audit log's health, kept fresh by the core's `audit.changed`. */
export function useAuditStatus(): AuditStatus | null {
  const [status, setStatus] = useState<AuditStatus | null>(null);
  useEffect(() => {
    let live = true;
    api.audit.status().then(
      (next) => live && setStatus(next),
      () => undefined,
    );
    const off = api.on('audit.changed', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}
