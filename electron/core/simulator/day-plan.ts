import { distanceM, interpolate, type LatLon } from '../../../shared/geo/distance';
import { mix, pick, rngFrom } from './rng';
import type { SimClient, World } from './world';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Riga's offset in winter; plans are approximate local times, schedules use the real zone. */
const RIGA_OFFSET = 2 * HOUR;

/** One client's simulated day: home, out to somewhere, back home. Times are epoch ms. */
export interface DayPlan {
  leave: number;
  arrive: number;
  departBack: number;
  home: number;
  destination: LatLon;
  speedKmh: number;
  /** The tag is not charged overnight (battery alerts follow). */
  skipCharge: boolean;
  /** A strap tamper starts here and lasts four minutes. */
  tamperAt: number | null;
  /** No fixes reach the service from here for 25 minutes. */
  silentFrom: number | null;
}

export function dayIndex(at: number): number {
  return Math.floor((at + RIGA_OFFSET) / DAY);
}

/** The same plan for the same seed, client and day. */
export function dayPlan(seed: number, world: World, client: SimClient, day: number): DayPlan {
  const rng = rngFrom(mix(seed, client.index, day));
  const midnight = day * DAY - RIGA_OFFSET;
  const at = (localHour: number): number => midnight + localHour * HOUR;
  const strict = client.record.supervisionType === 'home_detention';
  const leave = at(strict ? 8 + rng() * 1.5 : 7 + rng() * 3);
  let destination = client.workplace;
  if (rng() < client.habits.trespass) {
    const school = pick(rng, world.schools.get(client.town.name) ?? [client.workplace]);
    destination =
      client.victimHome ??
      (client.record.flags.includes('sex_offence') ? school : client.workplace);
  }
  const lateReturn = rng() < client.habits.lateReturn;
  const departBack = lateReturn
    ? at((strict ? 20 : 22) + 0.3 + rng() * 1.2)
    : at(strict ? 15 + rng() * 3 : 16 + rng() * 4);
  const distance = distanceM(client.home, destination);
  const speedKmh = distance < 2000 ? 4 + rng() * 2 : 30 + rng() * 20;
  const travel = (distance / 1000 / speedKmh) * HOUR;
  return {
    leave,
    arrive: leave + travel,
    departBack,
    home: departBack + travel,
    destination,
    speedKmh,
    skipCharge: rng() < client.habits.skipCharge,
    tamperAt: rng() < world.rates.strap_tamper ? at(6 + rng() * 16) : null,
    silentFrom: rng() < world.rates.no_communication ? at(rng() * 24) : null,
  };
}

export interface Whereabouts {
  point: LatLon;
  moving: boolean;
  speedKmh: number | null;
}

/** Where the plan puts the client at `at`. */
export function whereabouts(client: SimClient, plan: DayPlan, at: number): Whereabouts {
  if (at < plan.leave || at >= plan.home)
    return { point: client.home, moving: false, speedKmh: null };
  if (at < plan.arrive) {
    const f = (at - plan.leave) / (plan.arrive - plan.leave);
    return {
      point: interpolate(client.home, plan.destination, f),
      moving: true,
      speedKmh: plan.speedKmh,
    };
  }
  if (at < plan.departBack) return { point: plan.destination, moving: false, speedKmh: null };
  const f = (at - plan.departBack) / (plan.home - plan.departBack);
  return {
    point: interpolate(plan.destination, client.home, f),
    moving: true,
    speedKmh: plan.speedKmh,
  };
}

/** Battery of the client's tag: charged to 100% overnight unless skipped, ~3.5%/h otherwise. */
export function batteryPct(seed: number, world: World, client: SimClient, at: number): number {
  let day = dayIndex(at);
  for (let back = 0; back < 4; back += 1, day -= 1) {
    const charged = day * DAY - RIGA_OFFSET + 6 * HOUR;
    if (charged > at) continue;
    if (!dayPlan(seed, world, client, day).skipCharge) {
      return Math.max(0, Math.round(100 - ((at - charged) / HOUR) * 3.5));
    }
  }
  return 0;
}
