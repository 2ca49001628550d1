import { useEffect, useState } from 'react';
import type { OperationName } from '../../../shared/api/registry';
import { parseHash, routeNames, type Link, type RouteName } from './routes';

export const routeIds = routeNames;
export type RouteId = RouteName;

/**
 * The operation a section cannot do without: the section is offered only to a session the core
 * would answer it for (the permission table decides, in the core as here).
 */
export const routeNeeds: Record<RouteId, OperationName> = {
  map: 'map.snapshot',
  alerts: 'alerts.queue',
  clients: 'clients.detail',
  shifts: 'shifts.current',
  timeline: 'timeline.open',
  stations: 'stations.ports',
  audit: 'audit.list',
  settings: 'settings.get',
};

/** Hash routing (`#/alerts`): in-page, so the locked-down window never sees a navigation. */
export function routeFromHash(hash: string): RouteId {
  return parseHash(hash).route;
}

export function useRoute(): RouteId {
  return useLink().route;
}

/** The whole link the page is on (route and its keys), following the hash. */
export function useLink(): Link {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseHash(hash);
}
