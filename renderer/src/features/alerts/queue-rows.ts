import type { AlertQueueItem } from '../../../../shared/domain/alerts';
import { groupIncidents, type Incident } from '../../../../shared/domain/incidents';

export interface QueueRow {
  item: AlertQueueItem;
  incident: Incident;
  /** A row for an incident's other alert, shown while the incident is expanded. */
  member: boolean;
  expanded: boolean;
}

/**
 * The rows the queue shows: one per incident (its most urgent alert stands for it), followed by its
 * other alerts while it is expanded.
 */
export function queueRows(
  items: readonly AlertQueueItem[],
  expanded: ReadonlySet<string>,
): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const incident of groupIncidents(items)) {
    const open = expanded.has(incident.key) && incident.members.length > 1;
    rows.push({ item: incident.lead, incident, member: false, expanded: open });
    if (open)
      for (const item of incident.members.slice(1))
        rows.push({ item, incident, member: true, expanded: true });
  }
  return rows;
}

/** Which list an alert belongs to: the queue, or the suppressed alerts' filter. */
export type QueueFilter = 'open' | 'suppressed';
export const inFilter = (filter: QueueFilter) => (item: AlertQueueItem) =>
  (item.suppression !== null) === (filter === 'suppressed');
