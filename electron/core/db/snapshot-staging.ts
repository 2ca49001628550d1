import type { Database } from 'better-sqlite3';
import type { Alert } from '../../../shared/central/records';
import { parseSnapshot } from '../../../shared/central/snapshot-parse';
import type { Snapshot } from '../../../shared/central/stream';
import { applySnapshot, staleAlerts, type StaleAlert } from './apply-events';

export type StagedSnapshot =
  { ok: true; seq: number; stale: StaleAlert[] } | { ok: false; problem: string };

/**
 * The snapshot as the service sent it, bytes moved into the worker and parsed and checked here, held
 * until the core has fetched what goes in with it (alerts resolved meanwhile, recent shifts). Parsed
 * on the core's thread it was alive three times at once (the parse, the check's copy, and the copy
 * posted to this thread); here once.
 */
export function snapshotStaging(db: Database) {
  let staged: Snapshot | null = null;
  return {
    /** Parses and checks the snapshot; says which cached alerts it no longer lists as open. */
    stageSnapshot: (bytes: ArrayBuffer): StagedSnapshot => {
      staged = null;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        return { ok: false, problem: 'the answer is not JSON' };
      }
      const checked = parseSnapshot(json);
      if ('problem' in checked) return { ok: false, problem: checked.problem };
      staged = checked.snapshot;
      return {
        ok: true,
        seq: staged.seq,
        stale: staleAlerts(
          db,
          staged.openAlerts.map((alert) => alert.id),
        ),
      };
    },
    /** Applies the staged snapshot (see applySnapshot) and lets it go. */
    applyStagedSnapshot: (resolvedMeanwhile: Alert[], askedAtMs: number): void => {
      if (!staged) throw new Error('No snapshot is staged');
      const snapshot = staged;
      staged = null;
      applySnapshot(db, snapshot, resolvedMeanwhile, askedAtMs);
    },
    /** Lets a staged snapshot go unapplied (the steps between failed; the next try stages anew). */
    dropStagedSnapshot: (): void => {
      staged = null;
    },
  };
}
