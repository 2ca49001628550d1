import { useEffect, useState } from 'react';
import type { AlertDetail, AlertQueueItem } from '../../../../shared/domain/alerts';
import { api } from '../../api';

/**
 * Runs `load` now and whenever `isFor` says a change concerns it; a change arriving while a load
 * is under way loads once more after it, so the last word always lands.
 */
function useLive<T>(
  load: () => Promise<T>,
  isFor: (changed: { alerts: { id: string }[]; acted: string[] }) => boolean,
  deps: readonly unknown[],
  /** Events that always mean a fresh load. */
  also: readonly ('alerts.breached' | 'alerts.suppressed')[] = [],
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const next = await load();
          if (live) setValue(next);
        } while (again && live);
      } finally {
        running = false;
      }
    };
    void run();
    const offs = [
      api.on('alerts.changed', (changed) => isFor(changed) && void run()),
      api.on('map.reload', () => void run()),
      ...also.map((event) => api.on(event, () => void run())),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
    // The callers' deps say when load and isFor change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/**
 * The open alerts, most urgent first, kept current from the core's live feed, its SLA checks and
 * supervisors' suppressions. `onLoad` sees each fresh queue as it arrives (for sounds).
 */
export function useAlertQueue(onLoad?: (items: AlertQueueItem[]) => void): AlertQueueItem[] | null {
  return useLive(
    async () => {
      const { items } = await api.alerts.queue({});
      onLoad?.(items);
      return items;
    },
    (changed) => changed.alerts.length > 0,
    [],
    ['alerts.breached', 'alerts.suppressed'],
  );
}

/** One alert with its journal, kept current (another console's note included). */
export function useAlertDetail(alertId: string | null): AlertDetail | null {
  const detail = useLive(
    async () => (alertId ? api.alerts.detail({ alertId }) : null),
    (changed) =>
      alertId !== null &&
      (changed.acted.includes(alertId) || changed.alerts.some((alert) => alert.id === alertId)),
    [alertId],
  );
  return detail && detail.item.alert.id === alertId ? detail : null;
}
