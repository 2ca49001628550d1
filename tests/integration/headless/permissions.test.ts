import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames, type OperationName } from '../../../shared/api/registry';
import { permissions } from '../../../shared/api/permissions';
import WebSocket from 'ws';
import { startBridge, TOKEN, type Bridge } from './bridge';

/**
 * Who may call what, written out from the roles the centre works with (not read from the
 * permission table, so a wrong row there fails here):
 * referents watch (map, clients, alerts); supervisors do that and suppress and review the audit;
 * technicians see the commissioning view of a client; administrators run settings and the cache.
 */
const PUBLIC: OperationName[] = [
  'app.info',
  'settings.display',
  'connection.get',
  'session.get',
  'session.login',
];
const ANY_OPERATOR: OperationName[] = [
  'settings.get',
  'settings.set',
  'session.logout',
  'session.lock',
  'session.unlock',
  'session.activity',
  'outbox.list',
  'outbox.markSeen',
  'basemap.range',
  'commissioning.get',
  'commissioning.list',
  'commissioning.pdf',
  'stations.state',
];
/** Base stations on the console's ports: technicians and administrators. */
const BENCH: OperationName[] = [
  'stations.ports',
  'stations.connect',
  'stations.disconnect',
  'stations.log',
  'stations.send',
  'stations.rfTest',
  'commissioning.start',
  'commissioning.step',
  'commissioning.sign',
];
const REFERENT: OperationName[] = [
  'map.snapshot',
  'map.approaches',
  'clients.detail',
  'clients.register',
  'clients.file',
  'clients.trail',
  'victims.protection',
  'victims.shown',
  'zones.history',
  'alerts.queue',
  'alerts.queueChanges',
  'alerts.detail',
  'alerts.act',
  'alerts.suppressions',
  'attention.get',
  'attention.summary',
  'attention.mute',
  'attention.unmute',
  'attention.notify',
  'shifts.current',
  'shifts.start',
  'shifts.list',
  'shifts.journal',
  'shifts.draft',
  'shifts.handover',
  'shifts.accept',
  'journal.add',
  'journal.search',
];
const SUPERVISOR_ONLY: OperationName[] = [
  'timeline.open',
  'timeline.history',
  'timeline.cancel',
  'timeline.evidencePdf',
  'timeline.evidenceCsv',
  'timeline.compliancePdf',
  'timeline.complianceCsv',
  'shifts.report',
  'shifts.reportPdf',
  'shifts.reportCsv',
  'alerts.suppress',
  'alerts.liftSuppression',
  'audit.status',
  'audit.list',
  'audit.export',
];
const ADMIN_ONLY: OperationName[] = ['settings.setCentre', 'store.status', 'store.purge'];
/** Zones are made and changed by supervisors and administrators. */
const ZONE_EDITORS: OperationName[] = ['zones.save', 'zones.delete'];
/** What a locked console still answers its operator: the lock screen's calls. */
const WHILE_LOCKED: OperationName[] = ['session.logout', 'session.unlock', 'attention.summary'];

const allowed: Record<string, OperationName[]> = {
  referent1: [...PUBLIC, ...ANY_OPERATOR, ...REFERENT],
  supervisor1: [
    ...PUBLIC,
    ...ANY_OPERATOR,
    ...REFERENT,
    ...SUPERVISOR_ONLY,
    ...ZONE_EDITORS,
    'devices.list',
  ],
  technician1: [
    ...PUBLIC,
    ...ANY_OPERATOR,
    ...BENCH,
    'clients.detail',
    'clients.register',
    'clients.file',
    'devices.list',
  ],
  admin1: [...PUBLIC, ...ANY_OPERATOR, ...ADMIN_ONLY, ...ZONE_EDITORS, ...BENCH, 'devices.list'],
};

/** A valid input for every operation (the type refuses a registry entry without one). */
function sampleInputs(bridge: Bridge, username: string): Record<OperationName, unknown> {
  const { clientId, alert } = bridge;
  return {
    'app.info': {},
    'settings.display': {},
    'settings.get': {},
    'settings.set': { theme: 'dark' },
    'settings.setCentre': { retentionDays: 90 },
    'connection.get': {},
    'session.get': {},
    'session.login': { username, password: 'macibas' },
    'session.logout': {},
    'session.lock': {},
    'session.unlock': { password: 'not-the-password' },
    'session.activity': {},
    'store.status': {},
    'store.purge': {},
    'outbox.list': {},
    'outbox.markSeen': { id: 1 },
    'alerts.act': {
      alertId: alert.id,
      kind: 'note',
      payload: { text: 'checked' },
      expectedVersion: alert.version,
    },
    'map.snapshot': {},
    'clients.detail': { clientId },
    'clients.trail': { clientId, hours: 1 },
    'victims.protection': { clientId },
    'victims.shown': {},
    'map.approaches': {},
    'zones.save': {
      clientId,
      appliesTo: [],
      kind: 'exclusion',
      name: 'Permission check',
      geometry: { type: 'Circle', center: [24.1, 56.95], radiusM: 200 },
      bufferM: 50,
      schedule: null,
    },
    'zones.delete': { zoneId: 'Z-none', expectedVersion: 1 },
    'zones.history': { zoneId: 'Z-none' },
    'alerts.queue': {},
    'alerts.queueChanges': { alertIds: [alert.id] },
    'alerts.detail': { alertId: alert.id },
    'basemap.range': { offset: 0, length: 16 },
    'alerts.suppress': { clientId, type: 'battery_low', minutes: 15, reason: 'charging at home' },
    'alerts.liftSuppression': { id: 999 },
    'alerts.suppressions': {},
    'attention.get': {},
    'attention.summary': {},
    'attention.mute': { minutes: 5 },
    'attention.unmute': {},
    'attention.notify': { title: 'x', body: 'y', tag: 'z' },
    'audit.status': {},
    'audit.list': {},
    'audit.export': {},
    'stations.ports': {},
    'stations.state': {},
    'stations.connect': { path: '/dev/ttyUSB-none', mode: 'commissioning' },
    'stations.disconnect': {},
    'stations.log': {},
    'stations.send': { line: 'GETINFO' },
    'stations.rfTest': { action: 'stop' },
    'commissioning.start': { clientId },
    'commissioning.step': { reportId: 'CR-none', step: 'identity' },
    'commissioning.sign': { reportId: 'CR-none' },
    'commissioning.get': { reportId: 'CR-none' },
    'commissioning.list': {},
    'commissioning.pdf': { reportId: 'CR-none' },
    'devices.list': {},
    'shifts.current': {},
    'shifts.start': { operatorIds: [username] },
    'shifts.list': {},
    'shifts.journal': { shiftId: 'SH-none' },
    'shifts.draft': { shiftId: 'SH-none' },
    'shifts.handover': { shiftId: 'SH-none', summary: 'x', openAlertIds: [], expectedVersion: 1 },
    'shifts.accept': { shiftId: 'SH-none', expectedVersion: 1 },
    'shifts.report': { shiftId: 'SH-none' },
    'shifts.reportPdf': { shiftId: 'SH-none' },
    'shifts.reportCsv': { shiftId: 'SH-none' },
    'journal.add': {
      category: 'info',
      text: 'quiet night',
      refs: { alertIds: [], clientIds: [], deviceIds: [] },
      correctsEntryId: null,
    },
    'journal.search': { text: 'riga' },
    'clients.register': {},
    'clients.file': { clientId },
    'timeline.open': timelineWindow(clientId),
    'timeline.history': { requestId: 'req-1', window: timelineWindow(clientId) },
    'timeline.cancel': { requestId: 'req-1' },
    'timeline.evidencePdf': timelineWindow(clientId),
    'timeline.evidenceCsv': timelineWindow(clientId),
    'timeline.compliancePdf': timelineWindow(clientId),
    'timeline.complianceCsv': timelineWindow(clientId),
  };
}

function timelineWindow(clientId: string) {
  const to = new Date();
  return { clientId, from: new Date(to.getTime() - 3_600_000).toISOString(), to: to.toISOString() };
}

/** Session-changing calls go last, so they do not change the caller under the others. */
const LAST: OperationName[] = ['session.unlock', 'session.lock', 'session.logout', 'session.login'];
const ordered = [...operationNames.filter((name) => !LAST.includes(name)), ...LAST];
const REFUSALS = { not_signed_in: 401, locked: 423, forbidden: 403 } as const;

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge();
}, 30_000);
afterAll(() => bridge.close());

/** Calls each operation and returns what the gate said: ok (any non-refusal answer) or its code. */
async function verdicts(username: string, names: readonly OperationName[]) {
  const inputs = sampleInputs(bridge, username);
  const seen: Record<string, string> = {};
  for (const name of names) {
    const answer = await bridge.rpc(name, inputs[name]);
    // 503 (unavailable, e.g. no basemap file) is an answer; 500 would be a fault.
    expect(answer.status, `${name}: ${answer.text}`).not.toBe(500);
    const code =
      answer.status === 200 ? null : (answer.json() as { error: { code: string } }).error.code;
    if (code !== null && code in REFUSALS) {
      expect(answer.status, name).toBe(REFUSALS[code as keyof typeof REFUSALS]);
      seen[name] = code;
    } else seen[name] = 'ok';
  }
  return seen;
}

describe('the permission table, over the headless bridge', () => {
  it('has a row for every operation in the registry and none besides', () => {
    expect(Object.keys(permissions).sort()).toEqual([...operationNames].sort());
    const classified = new Set([
      ...PUBLIC,
      ...ANY_OPERATOR,
      ...REFERENT,
      ...SUPERVISOR_ONLY,
      ...ADMIN_ONLY,
      ...ZONE_EDITORS,
      ...BENCH,
      'devices.list',
    ]);
    // A new operation must be placed in this test's expectations too.
    expect(operationNames.filter((name) => !classified.has(name))).toEqual([]);
  });

  it('with nobody signed in, answers public operations and 401 to all others', async () => {
    const seen = await verdicts('referent1', ordered);
    for (const name of operationNames)
      expect([name, seen[name]]).toEqual([name, PUBLIC.includes(name) ? 'ok' : 'not_signed_in']);
  });

  it.each(Object.keys(allowed))(
    'signed in as %s: 200 where the role may, 403 elsewhere',
    async (username) => {
      await bridge.signIn(username);
      const seen = await verdicts(username, ordered);
      for (const name of operationNames)
        expect([name, seen[name]]).toEqual([
          name,
          allowed[username]!.includes(name) ? 'ok' : 'forbidden',
        ]);
    },
  );

  it('locked: only public operations and the lock screen’s, 423 for the rest', async () => {
    await bridge.signIn('referent1');
    expect((await bridge.rpc('session.lock', {})).status).toBe(200);
    const names = ordered.filter(
      (name) => !['session.login', 'session.lock', 'session.logout'].includes(name),
    );
    const seen = await verdicts('referent1', names);
    for (const name of names)
      expect([name, seen[name]]).toEqual([
        name,
        PUBLIC.includes(name) || WHILE_LOCKED.includes(name) ? 'ok' : 'locked',
      ]);
  });

  it('passes events through the same gate: a locked page hears of no alert, an unlocked one does', async () => {
    await bridge.signIn('referent1');
    await bridge.rpc('session.lock', {});
    const heard: string[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.server.port}/events?token=${TOKEN}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.on('message', (data: Buffer) =>
      heard.push((JSON.parse(data.toString()) as { event: string }).event),
    );
    bridge.sim.raise({ clientId: bridge.clientId, type: 'case_tamper', severity: 'high' });
    // The live feed flushes four times a second: a second is plenty for it to have passed.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(heard).not.toContain('alerts.changed');
    expect(heard).not.toContain('map.fixes');
    expect((await bridge.rpc('session.unlock', { password: 'macibas' })).status).toBe(200);
    bridge.sim.raise({ clientId: bridge.clientId, type: 'strap_tamper', severity: 'high' });
    for (let tries = 0; tries < 100 && !heard.includes('alerts.changed'); tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toContain('alerts.changed');
    socket.close();
  });
});
