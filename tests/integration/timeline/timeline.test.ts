import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until';
import type { ConsoleCore } from '../../../electron/core/console-core';
import { verifyEvidence } from '../../../electron/core/reports/evidence-hash';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import type { ApiVersion } from '../../../electron/core/simulator/v11-routes';
import type { HistoryProgress } from '../../../shared/domain/timeline';
import { unpackTimeline } from '../../../shared/timeline/packed-track';
import { call } from '../../helpers/call';
import { consoleOn } from '../../helpers/console-on';
import { tempDir } from '../../helpers/temp-dir';

/** `timeline.open` as the page reads it: the packed track unpacked. */
const open = async (core: ConsoleCore, window: { clientId: string; from: string; to: string }) =>
  unpackTimeline(await call(core, 'timeline.open', window));

const HOUR = 3_600_000;
const run = promisify(execFile);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A service that has run for four hours before the console first connects, a zone changed in
 * that time, and an hour lived with the console attached: the window's first three hours are
 * older than the console's cache.
 */
async function aWorld(apiVersion: ApiVersion) {
  const now = Date.now();
  const sim: Simulator = await startSimulator({
    clients: 12,
    seed: 5,
    start: new Date(now - 5 * HOUR),
    run: false,
    apiVersion,
  });
  cleanups.push(() => sim.close());
  const zone = [...sim.state.zones.values()].find((z) => z.clientId !== null && z.schedule)!;
  const clientId = zone.clientId!;
  sim.advanceTo(new Date(now - 3 * HOUR));
  sim.state.at(now - 3 * HOUR, () =>
    sim.state.update(sim.state.zones, 'zone', { ...zone, bufferM: zone.bufferM + 25 }),
  );
  sim.advanceTo(new Date(now - HOUR));
  const core = await consoleOn(sim, 'supervisor1', cleanups);
  await until(
    () => call(core, 'clients.detail', { clientId }),
    () => true,
  );
  sim.advanceTo(new Date(now));
  const window = {
    clientId,
    from: new Date(now - 4 * HOUR).toISOString(),
    to: new Date(now).toISOString(),
  };
  const inWindow = (sim.state.positions.get(clientId) ?? []).filter(
    (p) => p.at >= window.from && p.at < window.to,
  );
  // The stream's last hour has reached the cache when the newest fix is in the timeline.
  await until(
    () => open(core, window),
    (t) => t.track.at.includes(Date.parse(inWindow.at(-1)!.at)),
  );
  return { sim, core, zone, clientId, window, inWindow };
}

function progressOf(core: ConsoleCore): HistoryProgress[] {
  const heard: HistoryProgress[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'timeline.progress') heard.push(payload as HistoryProgress);
  });
  return heard;
}

describe('the incident timeline', () => {
  it('fetches what is older than the cache from the service, page by page, and merges it', async () => {
    const { core, window, inWindow, zone } = await aWorld('1.1');
    const cachedOnly = await open(core, window);
    expect(cachedOnly.source.cacheFrom).not.toBeNull();
    expect(Date.parse(cachedOnly.source.cacheFrom!)).toBeGreaterThan(Date.parse(window.from));
    expect(cachedOnly.track.at.length).toBeLessThan(inWindow.length);
    // 1.1 zone_history: the version before the change (older than the cache) came from the service.
    expect(cachedOnly.source.zoneHistory).toBe('service');
    expect(cachedOnly.zones.filter((z) => z.id === zone.id).map((z) => z.version)).toEqual([
      zone.version,
      zone.version + 1,
    ]);

    const heard = progressOf(core);
    expect(await call(core, 'timeline.history', { requestId: 'r1', window })).toEqual({
      fetched: true,
    });
    expect(heard.at(-1)).toMatchObject({ requestId: 'r1', state: 'done', done: 1 });
    const full = await open(core, window);
    expect(full.source.fetched).toBe(true);
    // Every fix of the window, once, in order (the ids themselves are in the CSV export).
    expect([...full.track.at]).toEqual(inWindow.map((p) => Date.parse(p.at)));
    const csv = Buffer.from((await call(core, 'timeline.evidenceCsv', window)).base64, 'base64');
    const ids = csv
      .toString('utf8')
      .split('\r\n')
      .map((line) => line.split(',')[1])
      .filter((id) => id?.startsWith('P'));
    expect(ids).toEqual(inWindow.map((p) => p.id));
    expect([...full.track.at]).toEqual([...full.track.at].sort((a, b) => a - b));
  });

  it('drops the fetched history when the supervisor signs out', async () => {
    const { core, window } = await aWorld('1.1');
    await call(core, 'timeline.history', { requestId: 'r4', window });
    expect((await open(core, window)).source.fetched).toBe(true);
    await call(core, 'session.logout', {});
    await call(core, 'session.login', { username: 'supervisor1', password: TRAINING_PASSWORD });
    expect((await open(core, window)).source.fetched).toBe(false);
  });

  it('stops a history fetch when cancelled, and shows nothing half-fetched', async () => {
    const { core, window } = await aWorld('1.1');
    const heard = progressOf(core);
    const fetching = call(core, 'timeline.history', { requestId: 'r2', window });
    expect(await call(core, 'timeline.cancel', { requestId: 'r2' })).toEqual({ cancelled: true });
    expect(await fetching).toEqual({ fetched: false });
    expect(heard.at(-1)).toMatchObject({ state: 'cancelled' });
    expect((await open(core, window)).source.fetched).toBe(false);
  });

  it('against a 1.0 service shows zones as the cache saw them, and says so', async () => {
    const { core, window, zone } = await aWorld('1.0');
    const timeline = await open(core, window);
    expect(timeline.source.zoneHistory).toBe('cache');
    expect(timeline.zones.filter((z) => z.id === zone.id).map((z) => z.version)).toEqual([
      zone.version + 1,
    ]);
  });

  it('exports evidence whose hash is in the file and the audit, and that evidence:verify checks', async () => {
    const { sim, core, clientId, window } = await aWorld('1.1');
    // Raised half an hour ago (the simulator's own clock is five hours behind: it started then).
    const alert = sim.state.at(Date.parse(window.to) - 30 * 60_000, () =>
      sim.raise({ clientId, type: 'strap_tamper', severity: 'critical' }),
    );
    const inWindow = { ...window, to: new Date(Date.parse(window.to) + 60_000).toISOString() };
    await until(
      () => open(core, inWindow),
      (t) => t.alerts.some((a) => a.id === alert.id),
    );
    await call(core, 'timeline.history', { requestId: 'r3', window: inWindow });
    const pdf = await call(core, 'timeline.evidencePdf', inWindow);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(verifyEvidence(bytes)).toEqual({ ok: true, sha256: pdf.sha256 });
    const file = join(tempDir(), pdf.fileName);
    writeFileSync(file, bytes);
    const { stdout: text } = await run('pdftotext', [file, '-']);
    const client = sim.state.clients.get(clientId)!;
    expect(text).toContain(client.caseNumber);
    expect(text).toContain(alert.id);
    expect(text).toContain(pdf.sha256);

    const changed = Buffer.from(bytes);
    const at = Math.floor(changed.length / 2);
    changed[at] = changed[at]! ^ 0x01;
    const copy = join(tempDir(), 'changed.pdf');
    writeFileSync(copy, changed);
    const verify = (f: string) =>
      run('npx', ['tsx', 'electron/core/reports/evidence-verify-cli.ts', f]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    expect(await verify(file)).toEqual({
      code: 0,
      stdout: `${file}: intact, SHA-256 ${pdf.sha256}\n`,
    });
    expect(await verify(copy)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('REJECTED'),
    });

    const csv = await call(core, 'timeline.evidenceCsv', inWindow);
    const rows = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split('\r\n');
    const timeline = await open(core, inWindow);
    expect(rows).toHaveLength(1 + timeline.track.at.length + timeline.events.length);

    const report = await call(core, 'timeline.compliancePdf', inWindow);
    const reportFile = join(tempDir(), report.fileName);
    writeFileSync(reportFile, Buffer.from(report.base64, 'base64'));
    const { stdout: reportText } = await run('pdftotext', [reportFile, '-']);
    expect(reportText).toContain('Compliance report');
    expect(reportText).toContain(client.caseNumber);
    expect(reportText).toContain('Hours under curfew');
    const figures = Buffer.from(
      (await call(core, 'timeline.complianceCsv', inWindow)).base64,
      'base64',
    ).toString('utf8');
    expect(figures).toMatch(/tamper_events,,1\r\n/);

    const audit = await call(core, 'audit.list', { action: 'timeline.export' });
    expect(audit.items.map((row) => row.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ format: 'pdf', sha256: pdf.sha256 }),
        expect.objectContaining({ format: 'csv', sha256: csv.sha256 }),
      ]),
    );
  });

  it('refuses a window longer than 90 days or ending before it starts', async () => {
    const sim = await startSimulator({ clients: 3, run: false });
    cleanups.push(() => sim.close());
    const core = await consoleOn(sim, 'supervisor1', cleanups);
    const clientId = [...sim.state.clients.keys()][0]!;
    const refusal = (from: string, to: string) =>
      open(core, { clientId, from, to }).then(
        () => 'accepted',
        (error: Error & { field?: string }) => `${error.message}`,
      );
    expect(await refusal('2026-01-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z')).toMatch(
      /90 days/,
    );
    expect(await refusal('2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toMatch(
      /end after it starts/,
    );
  });
});
