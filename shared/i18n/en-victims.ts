/** English texts of victim protection (central API 1.1 `victim_units`). */
export const enVictims = {
  victims: {
    title: 'Protection orders',
    band: {
      far: 'far',
      warning: 'warning',
      alert: 'alert',
      unknown: 'not known now',
    },
    order: 'Order {{id}}: {{band}} (alert under {{alert}} m, warning under {{warn}} m)',
    inactive: 'Order {{id}}: not in force',
    notOffered:
      'The central service offers no victim units (API 1.0): distances to victims are not known to this console.',
    onMap:
      'Victim of order {{id}}: within {{metres}} m of this circle (shown while the alert is open)',
  },
};
