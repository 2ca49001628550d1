import { useEffect, useState } from 'react';

export const routeIds = [
  'map',
  'alerts',
  'clients',
  'shifts',
  'timeline',
  'stations',
  'settings',
] as const;
export type RouteId = (typeof routeIds)[number];

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
