import type { AlertQueueItem } from './alerts';

/** Alerts of one client raised within this long of each other are one incident. */
export const INCIDENT_WINDOW_MS = 20 * 60_000;

export interface Incident {
  /** Its first alert's id: stays the same while more alerts join it. */
  key: string;
  /** The incident's most urgent alert: its line stands for the incident in the queue. */
  lead: AlertQueueItem;
  /** Every alert of the incident, most urgent first (the lead first). */
  members: AlertQueueItem[];
}

/**
 * Groups a queue (most urgent first) into incidents: a client's alerts belong together while each
 * was raised within INCIDENT_WINDOW_MS of the one before it. Incidents keep the queue's order of
 * their leads, so the most urgent incident comes first.
 */
export function groupIncidents(items: readonly AlertQueueItem[]): Incident[] {
  const byClient = new Map<string, AlertQueueItem[]>();
  for (const item of items) {
    const list = byClient.get(item.alert.clientId) ?? [];
    list.push(item);
    byClient.set(item.alert.clientId, list);
  }
  const incidentOf = new Map<string, string>();
  let key = '';
  for (const list of byClient.values()) {
    const chronological = [...list].sort(
      (a, b) => Date.parse(a.alert.raisedAt) - Date.parse(b.alert.raisedAt),
    );
    let previous = -Infinity;
    for (const item of chronological) {
      const at = Date.parse(item.alert.raisedAt);
      if (at - previous > INCIDENT_WINDOW_MS) key = item.alert.id;
      incidentOf.set(item.alert.id, key);
      previous = at;
    }
  }
  const incidents = new Map<string, Incident>();
  for (const item of items) {
    const of = incidentOf.get(item.alert.id) ?? item.alert.id;
    const incident = incidents.get(of);
    if (incident) incident.members.push(item);
    else incidents.set(of, { key: of, lead: item, members: [item] });
  }
  return [...incidents.values()];
}
