import { useEffect, useState } from 'react';
import type { OperationName } from '../../../shared/api/registry';

export const routeIds = [
  'map',
  'alerts',
  'clients',
  'shifts',
  'timeline',
  'stations',
  'audit',
  'settings',
] as const;
export type RouteId = (typeof routeIds)[number];

/**
 * The operation a section cannot do without: the section is offered only to a session the core
 * would answer it for (the permission table decides, in the core as here).
 */
export const routeNeeds: Record<RouteId, OperationName> = {
  map: 'map.snapshot',
  alerts: 'alerts.queue',
  clients: 'clients.detail',
  shifts: 'alerts.act',
  timeline: 'audit.list',
  stations: 'settings.get',
  audit: 'audit.list',
  settings: 'settings.get',
};

/** Hash routing (`#/alerts`): in-page, so the locked-down window never sees a navigation. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (routeIds as readonly string[]).includes(id ?? '') ? (id as RouteId) : 'map';
}

export function useRoute(): RouteId {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to an in-page address (`#/map?client=…`). */
export function goTo(hash: string): void {
  window.location.hash = hash;
}
