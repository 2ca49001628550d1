import type { ClientDetail, Trail } from '../../../../shared/domain/map';
import { fullView } from '../../../../shared/domain/map';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

/** Fixes arrive all the time; the panel's last fix and the trail are refreshed at this pace. */
const REFRESH_MS = 30_000;

/**
 * The selected client's panel and trail, refreshed when their alerts or zones change, when the
 * core reloads, and every half minute (for the trail); answers for an earlier selection are
 * never shown.
 */
export function useSelectedClient(
  clientId: string | null,
  trailHours: number,
): { detail: ClientDetail | null; trail: Trail | null; error: unknown } {
  const theirs = {
    event: 'alerts.changed',
    when: (changed: { alerts: { clientId: string }[] }) =>
      changed.alerts.some((alert) => alert.clientId === clientId),
  } as const;
  const detail = useLive(
    async () => (clientId ? fullView(await api.clients.detail({ clientId })) : null),
    [theirs, 'zones.changed', 'map.reload'],
    [clientId],
    { everyMs: REFRESH_MS },
  );
  const trail = useLive(
    async () => (clientId ? api.clients.trail({ clientId, hours: trailHours }) : null),
    ['map.reload'],
    [clientId, trailHours],
    { everyMs: REFRESH_MS },
  );
  return {
    detail: detail.value?.client.id === clientId ? detail.value : null,
    trail: trail.value?.clientId === clientId ? trail.value : null,
    error: detail.error ?? trail.error,
  };
}
