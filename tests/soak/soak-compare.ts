import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** What the service holds at the end (soak-simulator.ts `truth`). */
export interface Truth {
  seq: number;
  positionIds: string[];
  clients: Record<string, number>;
  devices: Record<string, number>;
  zones: Record<string, number>;
  alerts: Record<string, { version: number; state: string }>;
  actions: Record<string, { id: string; kind: string; operatorId: string }[]>;
}

/** An operator action the soak took through the bridge, as a referent would. */
export interface ActionTaken {
  alertId: string;
  kind: string;
}

export interface Comparison {
  positions: number;
  positionsHash: string;
  lost: number;
  doubled: number;
  differences: string[];
}

const hashOf = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);

/**
 * The console's cache (read after it stopped) against the service's truth: every position once,
 * every record at the service's version, every alert in its state, and every action the soak took
 * applied exactly once at the service and present in the cache. Each difference is listed.
 */
export function compareWithTruth(
  cacheFile: string,
  truth: Truth,
  taken: readonly ActionTaken[],
  operatorId: string,
): Comparison {
  const db = new Database(cacheFile, { readonly: true });
  const differences: string[] = [];
  try {
    const cached = (db.prepare('SELECT id FROM positions').pluck().all() as string[]).sort();
    const distinct = new Set(cached);
    const doubled = cached.length - distinct.size;
    const truthIds = new Set(truth.positionIds);
    // Every fix emitted during the run (ids S…) must be here; of the world's earlier ones the
    // console, which started from a snapshot, holds each client's last only.
    const lost = truth.positionIds.filter((id) => id.startsWith('S') && !distinct.has(id));
    const extra = [...distinct].filter((id) => !truthIds.has(id));
    if (lost.length > 0)
      differences.push(`${lost.length} positions missing, e.g. ${lost.slice(0, 5).join(', ')}`);
    if (doubled > 0) differences.push(`${doubled} positions stored twice`);
    if (extra.length > 0) differences.push(`${extra.length} positions the service never had`);

    for (const table of ['clients', 'devices', 'zones'] as const) {
      const rows = db.prepare(`SELECT id, version FROM ${table}`).all() as {
        id: string;
        version: number;
      }[];
      const mine = new Map(rows.map((row) => [row.id, row.version]));
      for (const [id, version] of Object.entries(truth[table]))
        if (mine.get(id) !== version)
          differences.push(`${table} ${id}: cache v${mine.get(id) ?? '—'}, service v${version}`);
    }
    const alerts = new Map(
      (
        db.prepare('SELECT id, version, state FROM alerts').all() as {
          id: string;
          version: number;
          state: string;
        }[]
      ).map((row) => [row.id, row]),
    );
    for (const [id, { version, state }] of Object.entries(truth.alerts)) {
      const mine = alerts.get(id);
      if (!mine || mine.version !== version || mine.state !== state)
        differences.push(
          `alert ${id}: cache ${mine ? `v${mine.version} ${mine.state}` : 'missing'}, service v${version} ${state}`,
        );
    }
    const cachedActions = new Set(
      db.prepare('SELECT id FROM alert_actions').pluck().all() as string[],
    );
    for (const list of Object.values(truth.actions))
      for (const action of list)
        if (!cachedActions.has(action.id)) differences.push(`action ${action.id} not in the cache`);
    for (const { alertId, kind } of taken) {
      const applied = (truth.actions[alertId] ?? []).filter(
        (action) => action.kind === kind && action.operatorId === operatorId,
      ).length;
      if (applied !== 1)
        differences.push(`${kind} of ${alertId} applied ${applied} times at the service`);
    }
    return {
      positions: cached.length,
      positionsHash: hashOf(cached),
      lost: lost.length,
      doubled,
      differences,
    };
  } finally {
    db.close();
  }
}

/** When each alert in the cache was raised (ms), to time the alerts the soak heard leave the core. */
export function raisedTimes(cacheFile: string): Map<string, number> {
  const db = new Database(cacheFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, raised_at AS raisedAt FROM alerts').all() as {
      id: string;
      raisedAt: string;
    }[];
    return new Map(rows.map(({ id, raisedAt }) => [id, Date.parse(raisedAt)]));
  } finally {
    db.close();
  }
}
