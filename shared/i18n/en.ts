/** English UI catalog. The Latvian catalog must have exactly these keys (checked by the compiler). */
export const en = {
  app: { title: 'Sargs', subtitle: 'Electronic monitoring console' },
  nav: {
    label: 'Sections',
    map: 'Map',
    alerts: 'Alerts',
    clients: 'Clients',
    shifts: 'Shifts',
    timeline: 'Timeline',
    stations: 'Stations',
    settings: 'Settings',
  },
  connection: {
    label: 'Central service',
    not_configured: 'No central service',
    connecting: 'Connecting…',
    catching_up: 'Catching up',
    catching_up_behind: 'Catching up ({{count}} behind)',
    connected: 'Connected',
    offline: 'Offline',
    since: 'since {{time}}',
    lastEvent: 'last event {{age}} ago',
    bridgeLost: 'Console core unreachable — retrying',
  },
  placeholder: {
    title: '{{section}}',
    body: 'This section is not built yet. It will show live data once its feature lands.',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Theme',
    themeDark: 'Dark (control room)',
    themeLight: 'Light',
    saved: 'Saved',
    saveFailed: 'Could not save: {{message}}',
  },
  cache: {
    title: 'Local cache',
    retentionDays: 'Keep positions for (days)',
    retentionHint:
      'Older positions are removed hourly. Alerts, their actions, the journal and the audit trail are always kept.',
    save: 'Save',
    purgeNow: 'Purge now',
    file: 'File',
    size: 'Size',
    cursor: 'Last stream event applied',
    lastPurge: 'Last purge',
    lastPurgeValue: '{{time}}: {{count}} positions older than {{before}} removed',
    never: 'Not yet',
    records: 'Records',
    unavailable: 'The local cache is unavailable',
  },
  about: {
    title: 'About this console',
    version: 'Version',
    mode: 'Mode',
    runtime: 'Runtime',
    dataDir: 'Data directory',
    startedAt: 'Started',
  },
  warnings: { title: 'Attention' },
  language: { lv: 'Latviešu', en: 'English' },
  errors: { loadFailed: 'Could not reach the console core: {{message}}' },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
export type CatalogShape = Catalog<typeof en>;
