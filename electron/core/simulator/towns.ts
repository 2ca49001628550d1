/** Latvian towns the training clients live in, with populations (thousands) as weights. */
export interface Town {
  name: string;
  /** ASCII code used in record ids (ids allow only [A-Za-z0-9_-]). */
  code: string;
  lat: number;
  lon: number;
  population: number;
  /** Probation service unit responsible for cases living here. */
  unit: string;
}

export const towns: readonly Town[] = [
  {
    name: 'Rīga',
    code: 'RIX',
    lat: 56.9496,
    lon: 24.1052,
    population: 605,
    unit: 'Rīgas centra pārvalde',
  },
  {
    name: 'Daugavpils',
    code: 'DGP',
    lat: 55.8747,
    lon: 26.5362,
    population: 79,
    unit: 'Daugavpils pārvalde',
  },
  {
    name: 'Liepāja',
    code: 'LPX',
    lat: 56.5047,
    lon: 21.0108,
    population: 67,
    unit: 'Liepājas pārvalde',
  },
  {
    name: 'Jelgava',
    code: 'JEL',
    lat: 56.6511,
    lon: 23.7214,
    population: 55,
    unit: 'Jelgavas pārvalde',
  },
  {
    name: 'Jūrmala',
    code: 'JUR',
    lat: 56.968,
    lon: 23.7704,
    population: 50,
    unit: 'Jūrmalas pārvalde',
  },
  {
    name: 'Ventspils',
    code: 'VNT',
    lat: 57.3894,
    lon: 21.5606,
    population: 33,
    unit: 'Ventspils pārvalde',
  },
  {
    name: 'Rēzekne',
    code: 'REZ',
    lat: 56.5099,
    lon: 27.3331,
    population: 27,
    unit: 'Rēzeknes pārvalde',
  },
  {
    name: 'Valmiera',
    code: 'VLM',
    lat: 57.5385,
    lon: 25.4264,
    population: 23,
    unit: 'Valmieras pārvalde',
  },
  { name: 'Ogre', code: 'OGR', lat: 56.8162, lon: 24.614, population: 23, unit: 'Ogres pārvalde' },
  {
    name: 'Jēkabpils',
    code: 'JKB',
    lat: 56.4996,
    lon: 25.8574,
    population: 22,
    unit: 'Jēkabpils pārvalde',
  },
  {
    name: 'Tukums',
    code: 'TUK',
    lat: 56.9671,
    lon: 23.1553,
    population: 17,
    unit: 'Tukuma pārvalde',
  },
  { name: 'Cēsis', code: 'CES', lat: 57.3119, lon: 25.2706, population: 15, unit: 'Cēsu pārvalde' },
];

export const firstNames = [
  'Jānis',
  'Andris',
  'Māris',
  'Edgars',
  'Artūrs',
  'Kristaps',
  'Dmitrijs',
  'Sergejs',
  'Aleksandrs',
  'Raimonds',
  'Ivars',
  'Gints',
  'Oskars',
  'Roberts',
  'Inga',
  'Laura',
  'Anna',
  'Olga',
];
export const lastNames = [
  'Bērziņš',
  'Kalniņš',
  'Ozoliņš',
  'Jansons',
  'Liepiņš',
  'Krūmiņš',
  'Balodis',
  'Zariņš',
  'Petrovs',
  'Ivanovs',
  'Kuzņecovs',
  'Vītols',
  'Eglītis',
  'Pētersons',
  'Siliņš',
  'Lācis',
];
export const streets = [
  'Brīvības iela',
  'Lāčplēša iela',
  'Raiņa iela',
  'Skolas iela',
  'Dārza iela',
  'Meža iela',
  'Rīgas iela',
  'Pils iela',
  'Ezera iela',
  'Stacijas iela',
  'Zemnieku iela',
  'Jūras iela',
];
