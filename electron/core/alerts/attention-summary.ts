import type { AlertQueueItem } from '../../../shared/domain/alerts';
import type { AttentionSummary } from '../../../shared/domain/attention';

/**
 * The lock screen's view of the queue: counts by severity and the newest arrival, no names. Alerts
 * a supervisor suppressed are left out, as they are not sounded either.
 */
export function attentionSummary(items: readonly AlertQueueItem[]): AttentionSummary {
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  let unclaimedCritical = 0;
  let newest: AttentionSummary['newest'] = null;
  let newestAt = '';
  for (const { alert, suppression } of items) {
    if (suppression) continue;
    bySeverity[alert.severity] += 1;
    if (alert.severity === 'critical' && alert.state === 'open') unclaimedCritical += 1;
    if (alert.raisedAt > newestAt) {
      newestAt = alert.raisedAt;
      newest = { id: alert.id, severity: alert.severity };
    }
  }
  const open = bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low;
  return { open, bySeverity, unclaimedCritical, newest };
}
