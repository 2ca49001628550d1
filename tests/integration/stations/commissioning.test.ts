import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../helpers/until';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import type { CommissioningReport } from '../../../shared/domain/commissioning';
import { call } from '../../helpers/call';
import { tempDir } from '../../helpers/temp-dir';
import { stationOnPty } from './station-bench';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function technicianConsole() {
  const sim: Simulator = await startSimulator({ clients: 30, seed: 14, run: false });
  cleanups.push(() => sim.close());
  const dir = tempDir();
  const core: ConsoleCore = await createConsoleCore({
    dataDir: dir,
    mode: 'headless',
    central: sim.url,
    rangeListenMs: 3000,
    logError: () => undefined,
  });
  cleanups.push(() => core.close());
  await call(core, 'session.login', { username: 'technician1', password: TRAINING_PASSWORD });
  // A client under home detention: a base station and an RF tag in the register.
  const client = [...sim.state.clients.values()].find(
    (c) => c.supervisionType === 'home_detention',
  )!;
  const tags = [...sim.state.devices.values()].filter(
    (d) => d.clientId === client.id && (d.kind === 'rf_tag' || d.kind === 'gps_tag'),
  );
  // The cache has the client once the first snapshot is in: commissioning starts from the cache.
  await until(
    () => call(core, 'clients.detail', { clientId: client.id }),
    () => true,
  );
  return { sim, core, dir, client, tags };
}

const stepsDone = (report: CommissioningReport) =>
  Object.entries(report.steps)
    .filter(([, step]) => step.done)
    .map(([name]) => name);

describe('commissioning a base station over a real pseudo-terminal', () => {
  it('runs the wizard to a signed report whose PDF names the station and the paired tags', async () => {
    const { core, dir, client, tags } = await technicianConsole();
    const { pty, emulator } = await stationOnPty(cleanups, { serial: 'HMU2-777001' });
    const connected = await call(core, 'stations.connect', {
      path: pty.consolePath,
      mode: 'commissioning',
    });
    expect(connected.link?.identity?.serial).toBe('HMU2-777001');

    const { id: reportId } = await call(core, 'commissioning.start', { clientId: client.id });
    for (const step of ['identity', 'status', 'clock'] as const)
      await call(core, 'commissioning.step', { reportId, step });
    await call(core, 'commissioning.step', {
      reportId,
      step: 'config',
      config: { centralHost: 'em.probacija.lv', centralPort: 5050, apn: 'em.lmt.lv' },
    });
    await call(core, 'commissioning.step', {
      reportId,
      step: 'pair',
      deviceIds: tags.map((t) => t.id),
    });
    await call(core, 'commissioning.step', { reportId, step: 'range', level: 3 });
    const report = await call(core, 'commissioning.step', { reportId, step: 'home' });
    expect(stepsDone(report)).toEqual([
      'identity',
      'status',
      'clock',
      'config',
      'pair',
      'range',
      'home',
    ]);
    expect(report.checks.every((check) => check.pass)).toBe(true);
    expect(emulator.state.config.get('CENTRAL_HOST')).toBe('em.probacija.lv');
    expect(emulator.state.paired.sort()).toEqual(tags.map((t) => t.serial).sort());
    expect(report.range?.tags.every((t) => t.samples >= 2 && t.meanRssiDbm! < 0)).toBe(true);
    expect(report.home?.distanceM).toEqual(expect.any(Number));

    const signed = await call(core, 'commissioning.sign', { reportId });
    expect(signed).toMatchObject({ state: 'signed', technicianId: 'technician1' });
    await expect(
      call(core, 'commissioning.step', { reportId, step: 'status' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await call(core, 'commissioning.list', { clientId: client.id })).toEqual([
      expect.objectContaining({ id: reportId, state: 'signed', stationSerial: 'HMU2-777001' }),
    ]);
    expect(await call(core, 'commissioning.list', { stationSerial: 'HMU2-777001' })).toHaveLength(
      1,
    );

    const pdf = await call(core, 'commissioning.pdf', { reportId });
    const file = join(dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('HMU2-777001');
    for (const tag of tags) expect(text).toContain(tag.serial);
    expect(text).toContain(client.displayName);
    // The same report makes the same file: what the audit's hash names can be made again.
    expect((await call(core, 'commissioning.pdf', { reportId })).sha256).toBe(pdf.sha256);
    const devices = await call(core, 'devices.list', {});
    expect(devices.find((d) => d.id === tags[0]!.id)?.reports).toBe(1);
  }, 30_000);

  it('resumes at the step that failed, and pairs nothing twice', async () => {
    const { core, client, tags } = await technicianConsole();
    const { pty, emulator } = await stationOnPty(cleanups, { faults: ['no-gps'] });
    await call(core, 'stations.connect', { path: pty.consolePath, mode: 'commissioning' });
    const { id: reportId } = await call(core, 'commissioning.start', { clientId: client.id });
    await call(core, 'commissioning.step', { reportId, step: 'identity' });
    const tag = tags[0]!;
    await call(core, 'commissioning.step', { reportId, step: 'pair', deviceIds: [tag.id] });
    // The same step again (a technician unsure it went through): the station already has it.
    const again = await call(core, 'commissioning.step', {
      reportId,
      step: 'pair',
      deviceIds: [tag.id],
    });
    expect(again.tags.map((t) => t.tagId)).toEqual([tag.serial]);
    expect(emulator.state.paired).toEqual([tag.serial]);

    await expect(
      call(core, 'commissioning.step', { reportId, step: 'home' }),
    ).rejects.toMatchObject({
      code: 'station_refused',
      params: { stationCode: 'E_STATE' },
    });
    // Starting again for the same station and client carries on with the same draft.
    const resumed = await call(core, 'commissioning.start', { clientId: client.id });
    expect(resumed.id).toBe(reportId);
    expect(stepsDone(resumed)).toEqual(['identity', 'pair']);
    expect(resumed.steps.home.error).toMatchObject({ code: 'E_STATE' });

    emulator.state.gpsFix = true;
    const home = await call(core, 'commissioning.step', { reportId, step: 'home' });
    expect(home.steps.home).toMatchObject({ done: true, error: null });
    await expect(call(core, 'commissioning.sign', { reportId })).rejects.toMatchObject({
      code: 'conflict',
      params: { what: 'steps' },
    });
  }, 30_000);

  it('fails the status check against the centre’s limits and will not sign it', async () => {
    const { core, client } = await technicianConsole();
    const { pty, emulator } = await stationOnPty(cleanups);
    emulator.setMains(false);
    emulator.state.gsmCsq = 99;
    await call(core, 'stations.connect', { path: pty.consolePath, mode: 'commissioning' });
    const { id: reportId } = await call(core, 'commissioning.start', { clientId: client.id });
    const report = await call(core, 'commissioning.step', { reportId, step: 'status' });
    expect(report.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(['mains', 'gsm']);

    // An administrator relaxes the centre's limits: mains no longer required. An unknown GSM
    // signal (99) fails whatever the limit.
    await call(core, 'session.logout', {});
    await call(core, 'session.login', { username: 'admin1', password: TRAINING_PASSWORD });
    const { stationLimits } = await call(core, 'settings.get', {});
    await call(core, 'settings.setCentre', {
      stationLimits: { ...stationLimits, requireMains: false, minGsmCsq: 0 },
    });
    const again = await call(core, 'commissioning.step', { reportId, step: 'status' });
    expect(again.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(['gsm']);
  }, 30_000);
});
