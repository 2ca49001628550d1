import { useTranslation } from 'react-i18next';
import { useAuditStatus } from './use-audit-status';

/** A broken audit chain stays on every supervisor's screen until someone looks into it. */
export function AuditBanner() {
  const { t } = useTranslation();
  const status = useAuditStatus();
  if (!status?.broken) return null;
  return (
    <div className="banner danger" role="alert" data-testid="audit-broken">
      <a href="#/audit">{t('audit.banner')}</a>
    </div>
  );
}
