import type { Database } from 'better-sqlite3';
import { statement } from '../statements';

/** Tables whose size the console reports (health, settings). Names come only from this list. */
// Positions are left out: at 10,000 clients and 90 days, count(*) would scan a billion rows.
const COUNTED = [
  'clients',
  'devices',
  'zones',
  'alerts',
  'alert_actions',
  'shifts',
  'journal_entries',
  'audit_log',
] as const;

export type CacheCounts = Record<
  (typeof COUNTED)[number] | 'open_alerts' | 'outbox_pending',
  number
>;

export function cacheCounts(db: Database): CacheCounts {
  const counts = {} as CacheCounts;
  for (const table of COUNTED) {
    counts[table] = (statement(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  counts.open_alerts = (
    statement(db, "SELECT count(*) AS n FROM alerts WHERE state <> 'resolved'").get() as {
      n: number;
    }
  ).n;
  counts.outbox_pending = (
    statement(db, "SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }
  ).n;
  return counts;
}
