import type { Role } from '../central/records';
import type { EventName, OperationName } from './registry';

/**
 * Who may call an operation (or receive an event):
 * - `public`: anyone, signed in or not (what the login screen needs, nothing personal);
 * - `signed-in`: every operator with an unlocked session;
 * - `roles`: an operator holding at least one of the roles, with an unlocked session.
 * `whileLocked` admits a locked session too (the lock screen's own calls).
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in'; readonly whileLocked: boolean }
  | { readonly kind: 'roles'; readonly roles: readonly Role[]; readonly whileLocked: boolean };

const PUBLIC: Access = { kind: 'public' };
const SIGNED_IN: Access = { kind: 'signed-in', whileLocked: false };
const SESSION: Access = { kind: 'signed-in', whileLocked: true };
const only = (...roles: Role[]): Access => ({ kind: 'roles', roles, whileLocked: false });

/** Referents watch; supervisors do all a referent does and more. */
const WATCH = only('referent', 'supervisor');
const SUPERVISE = only('supervisor');
const ADMIN = only('admin');
/** Zones are a supervisor's to make and change (and an administrator's, as the service allows). */
const ZONES = only('supervisor', 'admin');
/** Base stations on this console's ports: the technicians' work, and the administrators'. */
const BENCH = only('technician', 'admin');

/**
 * The one permission table: a row for every operation in the registry (the type refuses a missing
 * row), checked by the core's dispatcher before any handler runs. The page reads the same table to
 * hide what the core would refuse. It lives in shared/ for that reason; the core never trusts the
 * page's reading of it.
 */
export const permissions = {
  'app.info': PUBLIC,
  'settings.display': PUBLIC,
  'settings.get': SIGNED_IN,
  'settings.set': SIGNED_IN,
  'settings.setCentre': ADMIN,
  'connection.get': PUBLIC,
  'session.get': PUBLIC,
  'session.login': PUBLIC,
  'session.logout': SESSION,
  'session.lock': SIGNED_IN,
  'session.unlock': SESSION,
  'session.activity': SIGNED_IN,
  'store.status': ADMIN,
  'store.purge': ADMIN,
  'outbox.list': SIGNED_IN,
  'outbox.markSeen': SIGNED_IN,
  'alerts.act': WATCH,
  'map.snapshot': WATCH,
  // A technician gets the reduced view commissioning needs (the handler decides which).
  'clients.detail': only('referent', 'supervisor', 'technician'),
  'clients.trail': WATCH,
  /** A victim's nearness as a band; their position only during a proximity alert (audited). */
  'victims.protection': WATCH,
  'victims.shown': WATCH,
  'map.approaches': WATCH,
  'zones.save': ZONES,
  'zones.delete': ZONES,
  'zones.history': WATCH,
  'alerts.queue': WATCH,
  'alerts.queueChanges': WATCH,
  'alerts.detail': WATCH,
  'basemap.range': SIGNED_IN,
  'alerts.suppress': SUPERVISE,
  'alerts.liftSuppression': SUPERVISE,
  'alerts.suppressions': WATCH,
  'attention.get': WATCH,
  // Counts and severities only: the lock screen keeps sounding alerts without showing names.
  'attention.summary': { kind: 'roles', roles: ['referent', 'supervisor'], whileLocked: true },
  'attention.mute': WATCH,
  'attention.unmute': WATCH,
  'attention.notify': WATCH,
  'audit.status': SUPERVISE,
  'audit.list': SUPERVISE,
  'audit.export': SUPERVISE,
  'stations.ports': BENCH,
  // Whether a receiver is attached and where its alerts go: the referents on duty see it too.
  'stations.state': SIGNED_IN,
  'stations.connect': BENCH,
  'stations.disconnect': BENCH,
  'stations.log': BENCH,
  'stations.send': BENCH,
  'stations.rfTest': BENCH,
  'commissioning.start': BENCH,
  'commissioning.step': BENCH,
  'commissioning.sign': BENCH,
  // A signed report is read by whoever works the client's case, and by supervisors reviewing it.
  'commissioning.get': SIGNED_IN,
  'commissioning.list': SIGNED_IN,
  'commissioning.pdf': SIGNED_IN,
  'devices.list': only('technician', 'admin', 'supervisor'),
  'shifts.current': WATCH,
  'shifts.start': WATCH,
  'shifts.list': WATCH,
  'shifts.journal': WATCH,
  'shifts.draft': WATCH,
  'shifts.handover': WATCH,
  'shifts.accept': WATCH,
  'shifts.report': SUPERVISE,
  'shifts.reportPdf': SUPERVISE,
  'shifts.reportCsv': SUPERVISE,
  'journal.add': WATCH,
  'journal.search': WATCH,
  // A technician gets the reduced register and file (the handlers decide which).
  'clients.register': only('referent', 'supervisor', 'technician'),
  'clients.file': only('referent', 'supervisor', 'technician'),
  // Reviewing what happened and exporting it as evidence: supervisors (issue: incident timeline).
  'timeline.open': SUPERVISE,
  'timeline.history': SUPERVISE,
  'timeline.cancel': SUPERVISE,
  'timeline.evidencePdf': SUPERVISE,
  'timeline.evidenceCsv': SUPERVISE,
  // The case manager's report is prepared by a supervisor of the centre.
  'timeline.compliancePdf': SUPERVISE,
  'timeline.complianceCsv': SUPERVISE,
} as const satisfies Record<OperationName, Access>;

/**
 * Who receives each event. Events carry the same data as operations do, so they pass the same
 * gate: a window signed out or locked hears only what the login or lock screen needs.
 */
export const eventPermissions = {
  'connection.state': PUBLIC,
  'settings.changed': SIGNED_IN,
  'session.changed': PUBLIC,
  'outbox.changed': SIGNED_IN,
  'map.fixes': WATCH,
  'approaches.changed': WATCH,
  'map.reload': WATCH,
  // Alert marks carry positions: a locked page polls attention.summary instead.
  'alerts.changed': WATCH,
  'zones.changed': WATCH,
  'alerts.breached': WATCH,
  'alerts.suppressed': WATCH,
  'suppressions.changed': WATCH,
  'attention.changed': WATCH,
  'audit.changed': SUPERVISE,
  'stations.changed': SIGNED_IN,
  'shifts.changed': WATCH,
  'victims.changed': WATCH,
  'timeline.progress': SUPERVISE,
} as const satisfies Record<EventName, Access>;

/** The caller as the gate sees them: who is signed in, and whether the console is locked. */
export interface Caller {
  operator: { id: string; roles: readonly Role[] } | null;
  locked: boolean;
}

export type Verdict = 'ok' | 'not_signed_in' | 'locked' | 'forbidden';

/** The gate's one rule, for operations and events alike. */
export function judge(access: Access, caller: Caller): Verdict {
  if (access.kind === 'public') return 'ok';
  if (!caller.operator) return 'not_signed_in';
  if (caller.locked && !access.whileLocked) return 'locked';
  if (access.kind === 'signed-in') return 'ok';
  const held = caller.operator.roles;
  return access.roles.some((role) => held.includes(role)) ? 'ok' : 'forbidden';
}

export function mayCall(name: OperationName, caller: Caller): boolean {
  return judge(permissions[name], caller) === 'ok';
}

export function mayReceive(name: EventName, caller: Caller): boolean {
  return judge(eventPermissions[name], caller) === 'ok';
}
