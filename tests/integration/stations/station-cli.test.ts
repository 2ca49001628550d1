import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { stationOnPty } from './station-bench';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `npm run station -- …` as a technician types it, against the emulator on a pty. */
function station(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/core/stations/cli.ts', ...args],
      { timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe('npm run station', () => {
  it('answers in plain lines or JSON, and exits non-zero with the station’s refusal', async () => {
    const { pty, emulator } = await stationOnPty(cleanups, { serial: 'HMU2-CLI001' });
    const port = ['--port', pty.consolePath];
    const info = await station(['info', ...port]);
    expect(info).toMatchObject({
      code: 0,
      stdout: 'HMU-200 HMU2-CLI001 firmware 2.4.1 hardware B3 protocol 1\n',
    });

    const unpair = await station(['unpair', 'TAG-00042', ...port]);
    expect(unpair.code).not.toBe(0);
    expect(unpair.stderr).toContain('The tag is not paired with this station. [E_NOTFOUND]');

    const pair = await station(['pair', 'TAG-00042', '--json', ...port]);
    expect(JSON.parse(pair.stdout)).toEqual({ paired: 'TAG-00042' });
    expect(emulator.state.paired).toEqual(['TAG-00042']);

    const status = await station(['status', '--json', ...port]);
    expect(JSON.parse(status.stdout)).toMatchObject({
      mains: true,
      batteryPct: 100,
      caseOpen: false,
    });

    const usage = await station(['explode', ...port]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run station');
  }, 60_000);
});
