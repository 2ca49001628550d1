import type { Client, Device, ProtectionOrder, Zone } from '../../../shared/central/records';
import { offsetM, type LatLon } from '../../../shared/geo/distance';
import { mix, pick, rngFrom, weighted, type Rng } from './rng';
import { firstNames, lastNames, streets, towns, type Town } from './towns';
import { defaultAlertRates, habit, type AlertRates } from './alert-rates';

/** A training client: the record the service holds, plus what drives their simulated days. */
export interface SimClient {
  index: number;
  record: Client;
  town: Town;
  home: LatLon;
  /** Where they go on a normal day. */
  workplace: LatLon;
  gpsTagId: string;
  baseStationId: string | null;
  /** Home curfew zone, if any. */
  curfewZoneId: string | null;
  /** Centre of the victim's exclusion zone, if any. */
  victimHome: LatLon | null;
  /** The protection order for that victim (1.1 `victim_units`), if any. */
  order: ProtectionOrder | null;
  /** Chances per day of breaking curfew, of going where they must not, of not charging. */
  habits: { lateReturn: number; trespass: number; skipCharge: number };
}

export interface World {
  clients: SimClient[];
  devices: Device[];
  zones: Zone[];
  /** Protection orders (central API 1.1; a 1.0 service offers none). */
  orders: ProtectionOrder[];
  /** School locations, for trespassing days. */
  schools: Map<string, LatLon[]>;
  rates: Required<AlertRates>;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Builds the same world for the same seed and size. */
export function buildWorld(
  seed: number,
  count: number,
  now: Date,
  rates: Required<AlertRates> = defaultAlertRates,
): World {
  const updatedAt = now.toISOString();
  const devices: Device[] = [];
  const zones: Zone[] = [];
  const orders: ProtectionOrder[] = [];
  const schools = new Map<string, LatLon[]>();
  for (const [t, town] of towns.entries()) {
    const rng = rngFrom(mix(seed, 7_000 + t));
    schools.set(
      town.name,
      [0, 1].map(() => offsetM(town, rng() * 360, 300 + rng() * 2000)),
    );
  }

  const clients = Array.from({ length: count }, (_, index) => {
    const rng = rngFrom(mix(seed, index));
    const town = weighted(
      rng,
      towns.map((candidate) => [candidate, candidate.population] as const),
    );
    const home = offsetM(town, rng() * 360, 200 + rng() * 3500);
    const supervisionType = weighted(rng, [
      ['early_release', 35],
      ['probation', 20],
      ['home_detention', 25],
      ['preventive', 12],
      ['pretrial', 8],
    ] as const);
    const flags = drawFlags(rng);
    const id = `CL-${pad(index + 1, 5)}`;
    const gpsTagId = `GT-${pad(index + 1, 5)}`;
    const homeDetention = supervisionType === 'home_detention';
    const baseStationId = homeDetention ? `BS-${pad(index + 1, 5)}` : null;
    const deviceIds = [
      gpsTagId,
      ...(homeDetention ? [`RF-${pad(index + 1, 5)}`, baseStationId!] : []),
    ];
    for (const [d, deviceId] of deviceIds.entries()) {
      const kind = d === 0 ? 'gps_tag' : d === 1 ? 'rf_tag' : 'base_station';
      devices.push({
        id: deviceId,
        version: 1,
        serial: `${kind === 'base_station' ? 'HMU2' : 'TAG'}-${pad(mix(seed, index, d) % 1_000_000, 6)}`,
        kind,
        clientId: id,
        batteryPct: kind === 'base_station' ? 100 : 90 + Math.floor(rng() * 10),
        lastSeenAt: null,
        firmware: kind === 'base_station' ? '2.4.1' : '1.8.3',
        state: 'ok',
        updatedAt,
      });
    }
    const record: Client = {
      id,
      version: 1,
      displayName: `${pick(rng, firstNames)} ${pick(rng, lastNames)}`,
      caseNumber: `VPD-${2022 + Math.floor(rng() * 5)}-${pad(index + 1, 5)}`,
      riskLevel: weighted(rng, [
        ['low', 30],
        ['medium', 40],
        ['high', 22],
        ['very_high', 8],
      ] as const),
      supervisionType,
      flags,
      territorialUnit: town.unit,
      caseManager: {
        name: `${pick(rng, firstNames)} ${pick(rng, lastNames)}`,
        phone: `+371 2${pad(Math.floor(rng() * 1e7), 7)}`,
      },
      phone: rng() < 0.9 ? `+371 2${pad(Math.floor(rng() * 1e7), 7)}` : null,
      home: {
        address: `${pick(rng, streets)} ${1 + Math.floor(rng() * 120)}, ${town.name}`,
        ...home,
      },
      deviceIds,
      status: 'active',
      updatedAt,
    };
    const hasCurfew = homeDetention || (supervisionType === 'early_release' && rng() < 0.6);
    const curfewZoneId = hasCurfew ? `ZH-${pad(index + 1, 5)}` : null;
    if (curfewZoneId) zones.push(homeZone(curfewZoneId, id, home, homeDetention, updatedAt));
    const victimHome = flags.includes('victim_protection')
      ? offsetM(home, rng() * 360, 1500 + rng() * 2500)
      : null;
    if (victimHome) zones.push(victimZone(`ZV-${pad(index + 1, 5)}`, id, victimHome, updatedAt));
    // Drawn from no random numbers: the rest of the world stays as the seed made it before.
    const order = victimHome ? protectionOrder(index, id, updatedAt) : null;
    if (order) {
      orders.push(order);
      devices.push(victimUnit(order, seed, index, updatedAt));
    }
    return {
      index,
      record,
      town,
      home,
      gpsTagId,
      baseStationId,
      curfewZoneId,
      victimHome,
      order,
      workplace: offsetM(town, rng() * 360, 300 + rng() * 4000),
      habits: {
        lateReturn: habit(rng(), 0.15, 10, rates.curfew_violation),
        trespass: habit(rng(), 0.1, 20, rates.exclusion_entry),
        skipCharge: habit(rng(), 0.2, 7.5, rates.battery_low),
      },
    } satisfies SimClient;
  });

  for (const town of towns) {
    const listed = clients
      .filter((c) => c.town === town && c.record.flags.includes('sex_offence'))
      .map((c) => c.record.id);
    if (listed.length === 0) continue;
    for (const [s, school] of (schools.get(town.name) ?? []).entries()) {
      zones.push({
        id: `ZS-${town.code}-${s + 1}`,
        version: 1,
        clientId: null,
        appliesTo: listed,
        kind: 'exclusion',
        name: `${town.name}, skola ${s + 1}`,
        geometry: { type: 'Circle', center: [school.lon, school.lat], radiusM: 150 },
        bufferM: 100,
        schedule: {
          timezone: 'Europe/Riga',
          rules: [{ days: [1, 2, 3, 4, 5], start: '07:30', end: '17:00' }],
          exceptions: [],
        },
        updatedAt,
      });
    }
  }
  return { clients, devices, zones, orders, schools, rates };
}

function drawFlags(rng: Rng): string[] {
  const flags: string[] = [];
  if (rng() < 0.12) flags.push('sex_offence');
  if (rng() < 0.3) flags.push('violent_offence');
  if (rng() < 0.06) flags.push('juvenile');
  if (rng() < 0.18) flags.push('victim_protection');
  if (flags.includes('sex_offence') || (flags.includes('violent_offence') && rng() < 0.2))
    flags.push('mappa');
  return flags;
}

function homeZone(
  id: string,
  clientId: string,
  home: LatLon,
  strict: boolean,
  updatedAt: string,
): Zone {
  const rule = strict ? { start: '20:00', end: '07:00' } : { start: '22:00', end: '06:00' };
  return {
    id,
    version: 1,
    clientId,
    appliesTo: [],
    kind: 'inclusion',
    name: 'Dzīvesvieta (mājas arests)',
    geometry: { type: 'Circle', center: [home.lon, home.lat], radiusM: 60 },
    bufferM: 15,
    schedule: {
      timezone: 'Europe/Riga',
      rules: [{ days: [1, 2, 3, 4, 5, 6, 7], ...rule }],
      exceptions: [],
    },
    updatedAt,
  };
}

/** A victim carrying a unit: alerted within 500 m, warned within 1 km (the usual orders). */
function protectionOrder(index: number, clientId: string, updatedAt: string): ProtectionOrder {
  return {
    id: `PO-${pad(index + 1, 5)}`,
    version: 1,
    clientId,
    victimDeviceId: `VU-${pad(index + 1, 5)}`,
    alertDistanceM: 500,
    warnDistanceM: 1000,
    active: true,
    updatedAt,
  };
}

function victimUnit(order: ProtectionOrder, seed: number, index: number, updatedAt: string) {
  return {
    id: order.victimDeviceId,
    version: 1,
    serial: `VU-${pad(mix(seed, index, 9) % 1_000_000, 6)}`,
    kind: 'victim_unit' as const,
    clientId: null,
    batteryPct: 80,
    lastSeenAt: null,
    firmware: '1.2.0',
    state: 'ok' as const,
    updatedAt,
  } satisfies Device;
}

function victimZone(id: string, clientId: string, centre: LatLon, updatedAt: string): Zone {
  return {
    id,
    version: 1,
    clientId,
    appliesTo: [],
    kind: 'exclusion',
    name: 'Cietušās personas dzīvesvieta',
    geometry: { type: 'Circle', center: [centre.lon, centre.lat], radiusM: 500 },
    bufferM: 200,
    schedule: null,
    updatedAt,
  };
}
