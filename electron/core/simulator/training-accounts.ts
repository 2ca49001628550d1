import type { Operator } from '../../../shared/central/records';

/**
 * Accounts of the training simulator, one or more per role (listed in the README). Training
 * only: the simulator holds invented people, never real cases.
 */
export const TRAINING_PASSWORD = 'macibas';

export const trainingAccounts: (Operator & { password: string })[] = [
  { id: 'referent1', name: 'Anna Referente', roles: ['referent'], password: TRAINING_PASSWORD },
  { id: 'referent2', name: 'Pēteris Referents', roles: ['referent'], password: TRAINING_PASSWORD },
  {
    id: 'supervisor1',
    name: 'Ilze Vadītāja',
    roles: ['referent', 'supervisor'],
    password: TRAINING_PASSWORD,
  },
  {
    id: 'technician1',
    name: 'Kārlis Tehniķis',
    roles: ['technician'],
    password: TRAINING_PASSWORD,
  },
  { id: 'admin1', name: 'Sistēmas administrators', roles: ['admin'], password: TRAINING_PASSWORD },
];
