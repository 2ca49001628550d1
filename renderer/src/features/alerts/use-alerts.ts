import { useState } from 'react';
import type { AlertDetail, AlertQueueItem } from '../../../../shared/domain/alerts';
import { api } from '../../api';
import { useLive } from '../../api/use-live';
import { QueueChanges, WHOLE_EVERY_MS } from './queue-changes';

/**
 * The open alerts, most urgent first, kept current from the core's live feed (only the changed
 * alerts' lines are read, see QueueChanges), its SLA checks and supervisors' suppressions. `onLoad`
 * sees each fresh queue as it arrives (for sounds).
 */
export function useAlertQueue(onLoad?: (items: AlertQueueItem[]) => void) {
  const [changes] = useState(
    () =>
      new QueueChanges({
        queue: async () => (await api.alerts.queue({})).items,
        changes: (alertIds) => api.alerts.queueChanges({ alertIds }),
      }),
  );
  return useLive(
    async () => {
      const items = await changes.load();
      onLoad?.(items);
      return items;
    },
    [
      {
        event: 'alerts.changed',
        when: (changed) => changes.changed(changed.alerts),
      },
      { event: 'map.reload', when: () => changes.everything() },
      { event: 'alerts.breached', when: () => changes.everything() },
      { event: 'alerts.suppressed', when: () => changes.everything() },
    ],
    [],
    { everyMs: WHOLE_EVERY_MS / 4 },
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
