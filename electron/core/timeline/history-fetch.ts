import {
  alertActionSchema,
  alertSchema,
  journalEntrySchema,
  positionSchema,
  zoneVersionSchema,
  type Alert,
  type AlertAction,
  type JournalEntry,
  type Position,
} from '../../../shared/central/records';
import { pageOf } from '../../../shared/central/stream';
import { z } from 'zod';
import { allPages } from '../central/all-pages';
import type { CentralHttp } from '../central/central-http';

const positionPage = pageOf(positionSchema);
const alertPage = pageOf(alertSchema);
const journalPage = pageOf(journalEntrySchema);
const actionList = z.object({ items: z.array(alertActionSchema) });
const versionList = z.object({ items: z.array(zoneVersionSchema) });

/** What the service holds for a client before the cache begins: kept in memory, never cached. */
export interface FetchedHistory {
  clientId: string;
  fromMs: number;
  toMs: number;
  positions: Position[];
  alerts: Alert[];
  actions: AlertAction[];
  journal: JournalEntry[];
}

export interface FetchProgress {
  done: number;
  positions: number;
  alerts: number;
}

/**
 * The service's history of a client for [fromMs, toMs), page by page: positions (5,000 a page),
 * then alerts with their journals, then the shift journal naming the client. `progress` hears of
 * every page and answers whether to go on; a cancelled fetch returns null.
 */
export async function fetchHistory(
  http: CentralHttp,
  clientId: string,
  fromMs: number,
  toMs: number,
  progress: (p: FetchProgress) => boolean,
): Promise<FetchedHistory | null> {
  const id = encodeURIComponent(clientId);
  const range = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
  let going = true;
  const seen = { positions: 0, alerts: 0 };
  const tell = (done: number) => (going = going && progress({ done, ...seen }));
  const positions = await allPages(
    `/clients/${id}/positions?${range}&limit=5000`,
    (path) => http.request('GET', path, positionPage),
    (items) => {
      seen.positions += items.length;
      const last = items.at(-1);
      // Positions are most of the work: they fill the first 80% of the bar, by time covered.
      return tell(last ? (0.8 * (Date.parse(last.at) - fromMs)) / (toMs - fromMs) : 0.8);
    },
  );
  if (!going) return null;
  const alerts = await allPages(
    `/alerts?clientId=${id}&${range}&limit=1000`,
    (path) => http.request('GET', path, alertPage),
    (items) => {
      seen.alerts += items.length;
      return tell(0.85);
    },
  );
  if (!going) return null;
  const actions: AlertAction[] = [];
  for (const [i, alert] of alerts.entries()) {
    const answer = await http.request(
      'GET',
      `/alerts/${encodeURIComponent(alert.id)}/actions`,
      actionList,
    );
    actions.push(...answer.items);
    if (!tell(0.85 + (0.1 * (i + 1)) / alerts.length)) return null;
  }
  const journal = await allPages(`/journal?clientId=${id}&${range}&limit=1000`, (path) =>
    http.request('GET', path, journalPage),
  );
  tell(1);
  return going ? { clientId, fromMs, toMs, positions, alerts, actions, journal } : null;
}

/** Every version of a zone (central API 1.1 `zone_history`); null where the service has none. */
export async function fetchZoneVersions(http: CentralHttp, zoneId: string) {
  try {
    return (await http.request('GET', `/zones/${encodeURIComponent(zoneId)}/versions`, versionList))
      .items;
  } catch {
    return null;
  }
}
