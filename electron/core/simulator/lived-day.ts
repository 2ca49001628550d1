import type { Alert, JournalEntry, Shift } from '../../../shared/central/records';
import type { Engine } from './engine';
import type { ServiceState } from './service-state';
import { workAlert } from './simulated-referent';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SHIFT = 8 * HOUR;
/** Alerts this recent when the trainee arrives are left open for them to work. */
const LEAVE_OPEN = 10 * MINUTE;
/** The training world's referents, taking turns at 8-hour shifts. */
const REFERENTS = ['referent1', 'referent2'] as const;

type Handling = { code: NonNullable<Alert['resolution']>['code']; note: string; entry: string };

/** What the simulated referents did about each kind of alert (a normal night, not a drill). */
function handling(alert: Alert): Handling {
  switch (alert.type) {
    case 'battery_low':
    case 'battery_critical':
      return {
        code: 'client_contacted',
        note: 'Client reminded to charge the tag; charging now',
        entry: 'Battery: client called, charging',
      };
    case 'no_communication':
    case 'no_location':
      return {
        code: 'equipment_fault',
        note: 'Signal back after a gap; device checked',
        entry: 'Lost signal, back; device to be checked at the next visit',
      };
    case 'strap_tamper':
    case 'case_tamper':
      return {
        code: 'case_manager_notified',
        note: 'Strap opened; case manager informed for a visit',
        entry: 'Tamper: case manager informed',
      };
    case 'exclusion_entry':
    case 'victim_proximity':
      return {
        code: 'police_notified',
        note: 'Client in an exclusion zone; police informed, client left',
        entry: 'Exclusion zone entered: police informed, client left the zone',
      };
    default:
      return {
        code: 'client_contacted',
        note: 'Client called: on the way home',
        entry: 'Late home: client called, arrived',
      };
  }
}

/**
 * The training world's last `hours` already lived when it opens, so a trainee's first look is a
 * working centre: every client has reported, alerts were raised and worked by the simulated
 * referents (claimed, the client contacted, resolved with an outcome, incidents journalled) in
 * 8-hour shifts each handed over to the next and accepted. Alerts of the last ten minutes, and
 * conditions still holding, are left open for the trainee.
 */
export function liveDay(engine: Engine, state: ServiceState, start: number, hours: number): void {
  const shifts: { from: number; to: number; on: string }[] = [];
  for (let from = start - hours * HOUR, k = 0; from < start; from += SHIFT, k += 1)
    shifts.push({ from, to: Math.min(start, from + SHIFT), on: REFERENTS[k % 2]! });
  const worked = new Set<string>();
  for (const [k, span] of shifts.entries()) {
    const shift = state.at(span.from, () =>
      state.create(state.shifts, 'shift', {
        id: state.nextId('SH'),
        version: 1,
        startedAt: new Date(span.from).toISOString(),
        endedAt: null,
        operatorIds: [span.on],
        handover: null,
      } satisfies Shift),
    );
    for (let at = span.from + HOUR; at <= span.to; at += HOUR) {
      engine.advanceTo(Math.min(at, span.to));
      workRaised(state, shift, span.on, Math.min(at, span.to) - LEAVE_OPEN, worked);
    }
    const next = shifts[k + 1]?.on ?? REFERENTS[(k + 1) % 2]!;
    handOver(state, shift.id, span.on, next, span.to - 5 * MINUTE);
  }
}

/** Works each alert raised before `before` not yet worked: by the referent on duty. */
function workRaised(
  state: ServiceState,
  shift: Shift,
  referent: string,
  before: number,
  worked: Set<string>,
): void {
  for (const alert of state.alerts.values()) {
    if (worked.has(alert.id) || Date.parse(alert.raisedAt) >= before) continue;
    worked.add(alert.id);
    const how = handling(alert);
    const done = workAlert(state, alert.id, referent, [
      { kind: 'claim', payload: {}, afterMs: 40_000 + (alert.id.length % 7) * 10_000 },
      {
        kind: 'contact',
        payload: { who: 'client', channel: 'phone', outcome: how.note },
        afterMs: 3 * MINUTE,
      },
      { kind: 'resolve', payload: { code: how.code, note: how.note }, afterMs: 5 * MINUTE },
    ]);
    if (done.severity === 'critical' || done.severity === 'high')
      journal(state, shift.id, referent, Date.parse(done.resolvedAt!), 'incident', how.entry, done);
  }
}

function journal(
  state: ServiceState,
  shiftId: string,
  operatorId: string,
  at: number,
  category: JournalEntry['category'],
  text: string,
  alert: Alert | null,
): void {
  state.at(at, () => {
    const entry: JournalEntry = {
      id: state.nextId('J'),
      shiftId,
      operatorId,
      at: new Date(at).toISOString(),
      category,
      text,
      refs: {
        alertIds: alert ? [alert.id] : [],
        clientIds: alert ? [alert.clientId] : [],
        deviceIds: alert?.deviceId ? [alert.deviceId] : [],
      },
      correctsEntryId: null,
    };
    state.journal.push(entry);
    state.emit('journal.entry', entry);
  });
}

/** The outgoing referent signs the handover; the incoming one accepts it, ending the shift. */
function handOver(state: ServiceState, shiftId: string, out: string, into: string, at: number) {
  const open = [...state.alerts.values()].filter((a) => a.state !== 'resolved').map((a) => a.id);
  journal(
    state,
    shiftId,
    out,
    at - MINUTE,
    'handover',
    `Handover: ${open.length} alerts open`,
    null,
  );
  state.at(at, () => {
    const shift = state.shifts.get(shiftId)!;
    const signed = state.update(state.shifts, 'shift', {
      ...shift,
      handover: {
        summary: `Quiet shift. ${open.length} alerts open at handover.`,
        openAlertIds: open,
        outgoingSignedBy: out,
        outgoingSignedAt: new Date(at).toISOString(),
        incomingSignedBy: null,
        incomingSignedAt: null,
      },
    });
    const accepted = new Date(at + 2 * MINUTE).toISOString();
    state.at(at + 2 * MINUTE, () =>
      state.update(state.shifts, 'shift', {
        ...signed,
        handover: { ...signed.handover!, incomingSignedBy: into, incomingSignedAt: accepted },
        endedAt: accepted,
      }),
    );
  });
}
