import type { Alert, AlertAction, JournalEntry, Shift } from '../../../shared/central/records';
import type { AlertSla } from '../../../shared/domain/alerts';
import {
  OVERLONG_DUTY_HOURS,
  type ShiftReport,
  type SlaTimes,
} from '../../../shared/domain/shifts';

export interface ReportInputs {
  shift: Shift;
  /** Alerts raised in the shift's hours. */
  alerts: readonly Alert[];
  actions: readonly AlertAction[];
  journal: readonly JournalEntry[];
  sla: AlertSla;
  names: { clients: ReadonlyMap<string, string>; operators: ReadonlyMap<string, string> };
  now: Date;
}

type Row = ShiftReport['alerts'][number];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One target's figures. An alert counts once its target has come: done (in time or late), or not
 * done by the end of the window and past due (late, for at least that long).
 */
function times(
  rows: readonly Row[],
  of: (row: Row) => { s: number | null; met: boolean | null },
): SlaTimes {
  const counted = rows
    .map(of)
    .filter((t): t is { s: number; met: boolean } => t.s !== null && t.met !== null);
  const seconds = counted.map((t) => t.s);
  return {
    count: counted.length,
    met: counted.filter((t) => t.met).length,
    medianS: median(seconds),
    worstS: seconds.length ? Math.max(...seconds) : null,
  };
}

/** A target's time for one alert: when it was done, or (undone and past due) how late by `endMs`. */
function targetTime(raisedMs: number, doneAt: string | null, targetS: number, endMs: number) {
  if (doneAt !== null) {
    const s = Math.round((Date.parse(doneAt) - raisedMs) / 1000);
    return { at: doneAt, s, met: s <= targetS };
  }
  const waited = Math.round((endMs - raisedMs) / 1000);
  return waited > targetS ? { at: null, s: waited, met: false } : { at: null, s: null, met: null };
}

/**
 * Each alert against its severity's targets by `endMs`: when it was claimed and resolved, in
 * time or not, its outcome and who handled it. The shift report and the compliance report share it.
 */
export function slaRows(
  list: readonly Alert[],
  actions: readonly AlertAction[],
  sla: AlertSla,
  endMs: number,
  clientNames: ReadonlyMap<string, string>,
): Row[] {
  const actionsOf = new Map<string, AlertAction[]>();
  for (const action of actions)
    actionsOf.set(action.alertId, [...(actionsOf.get(action.alertId) ?? []), action]);
  return list.map((alert) => {
    const target = sla[alert.severity];
    const raisedMs = Date.parse(alert.raisedAt);
    const acts = actionsOf.get(alert.id) ?? [];
    const claimAt = acts.find((a) => a.kind === 'claim')?.at ?? null;
    const resolvedAt =
      alert.resolvedAt && Date.parse(alert.resolvedAt) <= endMs ? alert.resolvedAt : null;
    const claim = targetTime(raisedMs, claimAt, target.claimS, endMs);
    const resolve = targetTime(raisedMs, resolvedAt, target.resolveS, endMs);
    return {
      id: alert.id,
      type: alert.type,
      severity: alert.severity,
      clientName: clientNames.get(alert.clientId) ?? null,
      raisedAt: alert.raisedAt,
      claimedAt: claim.at,
      claimS: claim.s,
      claimMet: claim.met,
      resolvedAt,
      resolveS: resolve.s,
      resolveMet: resolve.met,
      outcome: resolvedAt ? (alert.resolution?.code ?? 'resolved') : alert.state,
      handledBy: [
        ...new Set(acts.filter((a) => Date.parse(a.at) <= endMs).map((a) => a.operatorId)),
      ],
    };
  });
}

/** Claim and resolve figures of some alerts (see slaRows). */
export const slaFigures = (rows: readonly Row[]) => ({
  claim: times(rows, (row) => ({ s: row.claimS, met: row.claimMet })),
  resolve: times(rows, (row) => ({ s: row.resolveS, met: row.resolveMet })),
});

/** A shift in figures: alerts by type and outcome, claim and resolve times, each operator's load. */
export function shiftReport(o: ReportInputs): ShiftReport {
  const from = o.shift.startedAt;
  const endMs = o.shift.endedAt ? Date.parse(o.shift.endedAt) : o.now.getTime();
  const to = new Date(endMs).toISOString();
  const alerts = slaRows(o.alerts, o.actions, o.sla, endMs, o.names.clients);

  const byType = new Map<string, { raised: number; outcomes: Record<string, number> }>();
  for (const row of alerts) {
    const entry = byType.get(row.type) ?? { raised: 0, outcomes: {} };
    entry.raised++;
    entry.outcomes[row.outcome] = (entry.outcomes[row.outcome] ?? 0) + 1;
    byType.set(row.type, entry);
  }
  const hours = (endMs - Date.parse(from)) / 3_600_000;
  const handlers = new Set([...o.shift.operatorIds, ...alerts.flatMap((row) => row.handledBy)]);
  return {
    shift: o.shift,
    from,
    to,
    byType: [...byType]
      .map(([type, entry]) => ({ type, ...entry }))
      .sort((a, b) => b.raised - a.raised),
    ...slaFigures(alerts),
    operators: [...handlers].map((id) => {
      const onDuty = o.shift.operatorIds.includes(id) ? Math.round(hours * 100) / 100 : 0;
      return {
        id,
        name: o.names.operators.get(id) ?? id,
        alertsHandled: alerts.filter((row) => row.handledBy.includes(id)).length,
        hoursOnDuty: onDuty,
        overlong: onDuty > OVERLONG_DUTY_HOURS,
      };
    }),
    journal: [...o.journal],
    alerts,
  };
}
