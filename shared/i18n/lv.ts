import type { CatalogShape } from './en';

/** Latvian UI catalog: the same keys as the English one. */
export const lv: CatalogShape = {
  app: { title: 'Sargs', subtitle: 'Elektroniskās uzraudzības konsole' },
  nav: {
    label: 'Sadaļas',
    map: 'Karte',
    alerts: 'Trauksmes',
    clients: 'Klienti',
    shifts: 'Maiņas',
    timeline: 'Laika josla',
    stations: 'Bāzes stacijas',
    settings: 'Iestatījumi',
  },
  connection: {
    label: 'Centrālais serviss',
    not_configured: 'Nav centrālā servisa',
    connecting: 'Savienojas…',
    catching_up: 'Atjauno datus',
    catching_up_behind: 'Atjauno datus (atlikuši {{count}})',
    connected: 'Savienots',
    offline: 'Bezsaistē',
    since: 'kopš {{time}}',
    lastEvent: 'pēdējais notikums pirms {{age}}',
    bridgeLost: 'Konsoles kodols nav sasniedzams — mēģina vēlreiz',
  },
  placeholder: {
    title: '{{section}}',
    body: 'Šī sadaļa vēl nav izveidota. Tā rādīs datus, kad tiks pievienota tās funkcija.',
  },
  settings: {
    title: 'Iestatījumi',
    language: 'Valoda',
    theme: 'Noformējums',
    themeDark: 'Tumšs (vadības telpa)',
    themeLight: 'Gaišs',
    saved: 'Saglabāts',
    saveFailed: 'Neizdevās saglabāt: {{message}}',
  },
  about: {
    title: 'Par šo konsoli',
    version: 'Versija',
    mode: 'Režīms',
    runtime: 'Izpildvide',
    dataDir: 'Datu mape',
    startedAt: 'Palaista',
  },
  warnings: { title: 'Uzmanību' },
  language: { lv: 'Latviešu', en: 'English' },
  errors: { loadFailed: 'Konsoles kodols nav sasniedzams: {{message}}' },
};
