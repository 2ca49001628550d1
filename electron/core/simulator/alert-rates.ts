import type { AlertType } from '../../../shared/domain/alert-types';

/**
 * How often the training world's clients cause each kind of alert: the chance per client per day
 * (a mean over the clients) of the cause behind each type. Only the causes the world draws by
 * chance are here; the rest follow from them (battery_critical after battery_low, buffer_entry on
 * the way into an exclusion zone, a curfew or an inclusion zone deciding which of the two a late
 * return raises).
 *
 * Sources. A vendor's witness told the Canadian House of Commons Standing Committee on Public
 * Safety and National Security (41st Parliament, meeting 40, 2012) that GPS programmes see
 * "roughly 1.25 [alerts] per offender per day" nationwide in the USA and "fewer than one" in
 * Florida, most cleared quickly (a client home ten minutes late is an alert). That total counts
 * every short technical alert a vendor's service raises; the world here raises what a centre's
 * referent works, about 0.2 per client per day in all (measured: `npm run simulator -- --rates`
 * prints the day's figures), of which the split by type below is the centre's own estimate:
 * technical causes (charging, signal) most common, tampering and exclusion zones rare.
 */
export type AlertRates = Partial<
  Record<
    Extract<
      AlertType,
      'battery_low' | 'no_communication' | 'strap_tamper' | 'curfew_violation' | 'exclusion_entry'
    >,
    number
  >
>;

export const defaultAlertRates: Required<AlertRates> = {
  /** A night the tag is not charged (battery_low, then battery_critical by the evening). */
  battery_low: 0.046,
  /** 25 minutes without a fix reaching the service (raised after 15). */
  no_communication: 0.006,
  /** The strap opened for four minutes. */
  strap_tamper: 0.004,
  /** Home after the curfew starts (a curfew_violation, or an inclusion_exit without one). */
  curfew_violation: 0.047,
  /** A day spent where the client must not go (a victim's street, a school). */
  exclusion_entry: 0.0145,
};

/**
 * A habit's chance for one client: a few clients (`share`) are `ratio` times as likely as the
 * rest, as in life, with the mean over all clients the rate asked for.
 */
export function habit(draw: number, share: number, ratio: number, mean: number): number {
  const high = mean / (share + (1 - share) / ratio);
  return draw < share ? high : high / ratio;
}
