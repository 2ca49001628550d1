import type { AlertDetail, AlertQueueItem } from '../../../../shared/domain/alerts';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

/**
 * The open alerts, most urgent first, kept current from the core's live feed, its SLA checks and
 * supervisors' suppressions. `onLoad` sees each fresh queue as it arrives (for sounds).
 */
export function useAlertQueue(onLoad?: (items: AlertQueueItem[]) => void) {
  return useLive(
    async () => {
      const { items } = await api.alerts.queue({});
      onLoad?.(items);
      return items;
    },
    [
      { event: 'alerts.changed', when: (changed) => changed.alerts.length > 0 },
      'map.reload',
      'alerts.breached',
      'alerts.suppressed',
    ],
    [],
  );
}

/** One alert with its journal, kept current (another console's note included). */
export function useAlertDetail(alertId: string | null): AlertDetail | null {
  const { value } = useLive(
    async () => (alertId ? api.alerts.detail({ alertId }) : null),
    [
      {
        event: 'alerts.changed',
        when: (changed) =>
          alertId !== null &&
          (changed.acted.includes(alertId) || changed.alerts.some((alert) => alert.id === alertId)),
      },
      'map.reload',
    ],
    [alertId],
  );
  return value && value.item.alert.id === alertId ? value : null;
}
