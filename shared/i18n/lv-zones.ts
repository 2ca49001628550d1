import type { enZones } from './en-zones';

/** Zonu un to grafiku teksti latviski. */
export const lvZones = {
  zones: {
    always: 'spēkā vienmēr',
    never: 'šonedēļ nav spēkā',
    inForceUntil: 'spēkā līdz {{when}}',
    startsAt: 'nav spēkā; sākas {{when}}',
    week_one: 'Nākamajās 7 dienās spēkā vienu reizi',
    week_other: 'Nākamajās 7 dienās spēkā {{count}} reizes',
    extra: 'papildu mājas arests: {{reason}}',
    absence: 'Atļauta prombūtne {{from}} – {{to}}: {{reason}}',
  },
} satisfies typeof enZones;
