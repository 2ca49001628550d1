import type { Alert, Shift } from '../../../shared/central/records';
import { equipmentAlertTypes } from '../../../shared/domain/alert-types';
import { slaStatus, type AlertSla } from '../../../shared/domain/alerts';
import type { HandoverAlertLine, HandoverDraft } from '../../../shared/domain/shifts';
import type { SlaBreach } from '../../../shared/domain/attention';
import type { StoreService } from '../db/store-service';

/** How far back an alert resolved in a shift may have been raised. */
export const LOOK_BACK_MS = 7 * 24 * 3600_000;

export interface DraftInputs {
  shift: Shift;
  now: Date;
  sla: AlertSla;
  mutedUntil: string | null;
}

/**
 * The handover the console drafts for the outgoing referent: every alert not resolved (with who
 * holds it, its targets, how long it has been open), what the shift raised and resolved, equipment
 * trouble, suppressions and mutes in force, clients whose record changed, and this console's
 * actions not yet sent.
 */
export async function draftHandover(store: StoreService, o: DraftInputs): Promise<HandoverDraft> {
  const to = o.now.toISOString();
  const from = o.shift.startedAt;
  const lookBack = new Date(Date.parse(from) - LOOK_BACK_MS).toISOString();
  const [alerts, suppressions, changed, pending] = await store.run((s) =>
    Promise.all([
      s.alertsOfWindow(from, to, lookBack),
      s.activeSuppressions(to),
      s.clientsChangedBetween(from, to),
      s.listOutbox(['pending'], 1000),
    ]),
  );
  const names = await store.run((s) =>
    s.clientNames([
      ...new Set([...alerts.map((a) => a.clientId), ...suppressions.map((x) => x.clientId)]),
    ]),
  );
  const nowMs = o.now.getTime();
  const line = (alert: Alert): HandoverAlertLine => ({
    alert,
    clientName: names.get(alert.clientId) ?? null,
    minutesOpen: Math.round(
      ((alert.resolvedAt ? Date.parse(alert.resolvedAt) : nowMs) - Date.parse(alert.raisedAt)) /
        60_000,
    ),
    missed: missedTargets(alert, o.sla, nowMs),
  });
  const inShift = (at: string | null) => at !== null && at >= from && at < to;
  const open = alerts
    .filter((a) => a.state !== 'resolved')
    .sort(byRaised)
    .map(line);
  return {
    shiftId: o.shift.id,
    at: to,
    open,
    raised: alerts.filter((a) => inShift(a.raisedAt)).length,
    resolved: alerts
      .filter((a) => a.state === 'resolved' && inShift(a.resolvedAt))
      .sort(byRaised)
      .map(line),
    equipment: alerts
      .filter(
        (a) => equipmentAlertTypes.has(a.type) && (inShift(a.raisedAt) || a.state !== 'resolved'),
      )
      .sort(byRaised)
      .map(line),
    suppressions: suppressions.map((x) => ({
      clientName: names.get(x.clientId) ?? null,
      type: x.type,
      until: x.until,
      reason: x.reason,
    })),
    mutedUntil: o.mutedUntil,
    clientsChanged: changed.map((c) => ({ clientId: c.id, name: c.displayName, status: c.status })),
    unsent: pending.map((item) => ({
      operation: item.operation,
      subjectId: subjectOf(item.payload),
      createdAt: item.createdAt,
    })),
  };
}

const byRaised = (a: Alert, b: Alert) => a.raisedAt.localeCompare(b.raisedAt);

function subjectOf(payload: unknown): string | null {
  const p = payload as Record<string, unknown>;
  for (const key of ['alertId', 'shiftId', 'zoneId', 'clientId'])
    if (typeof p[key] === 'string') return p[key];
  return null;
}

/** The targets an alert has missed by now (claim late, resolution late). */
export function missedTargets(alert: Alert, sla: AlertSla, nowMs: number): SlaBreach['due'][] {
  const target = sla[alert.severity];
  const raised = Date.parse(alert.raisedAt);
  const missed: SlaBreach['due'][] = [];
  const status = slaStatus(alert, sla, nowMs);
  if (alert.state === 'open' && status.breached) missed.push('claim');
  const resolvedAt = alert.resolvedAt ? Date.parse(alert.resolvedAt) : nowMs;
  if (resolvedAt - raised > target.resolveS * 1000) missed.push('resolve');
  return missed;
}
