/** English texts of zones and their schedules. */
export const enZones = {
  zones: {
    always: 'always in force',
    never: 'not in force this week',
    inForceUntil: 'in force until {{when}}',
    startsAt: 'not in force; starts {{when}}',
    week_one: 'In force once in the next 7 days',
    week_other: 'In force {{count}} times in the next 7 days',
    extra: 'extra curfew: {{reason}}',
    absence: 'Authorised absence {{from}} – {{to}}: {{reason}}',
  },
};
