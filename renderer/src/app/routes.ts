/**
 * Every in-page link, typed: `href` writes one, `parseHash` reads one back. Pages, banners and
 * the coming features (client files, timelines, stations) link through here and nowhere else.
 */
export type Link =
  | { route: 'map'; client?: string; at?: [number, number] }
  | { route: 'alerts'; alert?: string }
  | ({ route: 'clients'; client?: string } & RegisterQuery)
  | { route: 'shifts'; tab?: ShiftsTab; shift?: string; alert?: string; client?: string }
  | {
      route: 'timeline';
      client?: string;
      alert?: string;
      shift?: string;
      from?: string;
      to?: string;
    }
  | { route: 'stations'; tab?: StationsTab; station?: string }
  | { route: 'audit'; subject?: string }
  | { route: 'settings' };

export type RouteName = Link['route'];

/** The client register's view in the link (`#/clients?risk=high&flag=juvenile&q=liepaja`). */
export interface RegisterQuery {
  q?: string;
  risk?: string;
  type?: string;
  flag?: string;
  unit?: string;
  state?: string;
  sort?: string;
  dir?: string;
}

/** The Stations section's tabs. */
export type StationsTab = 'commission' | 'devices' | 'terminal';

/** The Shift section's tabs; `alert` or `client` starts a journal entry about it. */
export type ShiftsTab = 'current' | 'history' | 'report';

/** Every section, in the order the navigation lists them. */
export const routeNames: readonly RouteName[] = [
  'map',
  'alerts',
  'clients',
  'shifts',
  'timeline',
  'stations',
  'audit',
  'settings',
];

/** The query keys each route takes (a client file's id goes in the path: `#/clients/<id>`). */
const KEYS: Record<RouteName, readonly string[]> = {
  map: ['client', 'at'],
  alerts: ['alert'],
  clients: ['q', 'risk', 'type', 'flag', 'unit', 'state', 'sort', 'dir'],
  shifts: ['tab', 'shift', 'alert', 'client'],
  timeline: ['client', 'alert', 'shift', 'from', 'to'],
  stations: ['tab', 'station'],
  audit: ['subject'],
  settings: [],
};

export function href(link: Link): string {
  const fields = link as Record<string, unknown>;
  const path =
    link.route === 'clients' && link.client
      ? `#/clients/${encodeURIComponent(link.client)}`
      : `#/${link.route}`;
  const query = new URLSearchParams();
  for (const key of KEYS[link.route]) {
    const value = fields[key];
    if (value === undefined) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Reads a hash back into a link; anything unknown is the map, the console's home. */
export function parseHash(hash: string): Link {
  const [path = '', text = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', id] = path.split('/');
  const route = (routeNames as readonly string[]).includes(name) ? (name as RouteName) : 'map';
  const query = new URLSearchParams(text);
  const link: Record<string, unknown> = { route };
  for (const key of KEYS[route]) {
    const value = query.get(key);
    if (value !== null && value !== '') link[key] = value;
  }
  if (route === 'clients' && id) link.client = decodeURIComponent(id);
  if (route === 'map' && typeof link.at === 'string') {
    const at = link.at.split(',').map(Number);
    if (at.length === 2 && at.every(Number.isFinite)) link.at = [at[0], at[1]];
    else delete link.at;
  }
  return link as Link;
}

/** The link the page is on now, if it is of this route. */
export function currentLink<R extends RouteName>(route: R): Extract<Link, { route: R }> | null {
  const link = parseHash(window.location.hash);
  return link.route === route ? (link as Extract<Link, { route: R }>) : null;
}

/** Goes to an in-page link. */
export function goTo(link: Link): void {
  window.location.hash = href(link);
}
