import type { enVictims } from './en-victims';

/** Cietušo aizsardzības teksti latviski (centrālā API 1.1 `victim_units`). */
export const lvVictims = {
  victims: {
    title: 'Aizsardzības rīkojumi',
    band: {
      far: 'tālu',
      warning: 'brīdinājums',
      alert: 'trauksme',
      unknown: 'pašlaik nav zināms',
    },
    order:
      'Rīkojums {{id}}: {{band}} (trauksme tuvāk par {{alert}} m, brīdinājums tuvāk par {{warn}} m)',
    inactive: 'Rīkojums {{id}}: nav spēkā',
    notOffered:
      'Centrālais dienests nepiedāvā cietušo ierīces (API 1.0): attālums līdz cietušajiem šai konsolei nav zināms.',
    onMap:
      'Rīkojuma {{id}} cietušais: {{metres}} m rādiusā no šī apļa (redzams, kamēr trauksme ir atvērta)',
  },
} satisfies typeof enVictims;
