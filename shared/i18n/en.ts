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
    catching_up_behind: 'Catching up ({{age}} behind)',
    connected: 'Connected',
    offline: 'Offline',
    since: 'since {{time}}',
    lastEvent: 'last event {{age}} ago',
    bridgeLost: 'Console core unreachable — retrying',
    stale: 'Data may be out of date',
  },
  outbox: {
    pending_one: '{{count}} action waiting to be sent',
    pending_other: '{{count}} actions waiting to be sent',
    refusedTitle: 'The central service refused',
    refused: '{{what}}: {{reason}}',
    refusedWithState: '{{what}}: {{reason}} (now: {{now}})',
    seen: 'Understood',
    operation: {
      'alert.action': 'Action on alert {{id}}',
      'zone.create': 'New zone',
      'zone.update': 'Change to zone {{id}}',
      'zone.delete': 'Deletion of zone {{id}}',
      'journal.add': 'Journal entry',
      'shift.start': 'Start of shift',
      'shift.handover': 'Handover of shift {{id}}',
      'shift.accept': 'Acceptance of shift {{id}}',
    },
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    working: 'Signing in…',
    central: 'Central service: {{url}}',
    noCentral: 'No central service is configured.',
    signOut: 'Sign out',
    signedInAs: '{{name}}',
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
  central: {
    title: 'Central monitoring service',
    now: 'This console works with: {{url}}',
    url: 'Service URL',
    placeholder: 'empty: the built-in training simulator',
    hint: 'Each service keeps a cache of its own. The change applies when the console next starts.',
    save: 'Save',
    savedRestart: 'Saved. Restart the console to connect to it.',
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
    counts: {
      clients: 'clients',
      devices: 'devices',
      zones: 'zones',
      alerts: 'alerts',
      alert_actions: 'alert actions',
      shifts: 'shifts',
      journal_entries: 'journal entries',
      audit_log: 'audit entries',
      open_alerts: 'open alerts',
      outbox_pending: 'actions waiting to be sent',
    },
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

/**
 * Another language has the same keys, plus the plural forms its grammar needs: Latvian, for
 * one, says "0 darbību" with a form of its own (i18next picks `_zero` by Intl.PluralRules).
 */
type PluralForms<T> = {
  [
    K in keyof T as K extends `${infer P}_other` ? `${P}_${'zero' | 'two' | 'few' | 'many'}` : never
  ]?: string;
};
type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> } & PluralForms<T>;
export type CatalogShape = Catalog<typeof en>;
