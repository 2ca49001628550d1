import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachEmulator } from '../../../electron/core/stations/emulator/attach';
import { PtyPair } from '../../../electron/core/stations/emulator/pty-pair';
import type { EmulatorFault } from '../../../electron/core/stations/emulator/station-emulator';
import { StationLink, PROTOCOL_TIMING } from '../../../electron/core/stations/station-link';
import { openSerialTransport } from '../../../electron/core/stations/transport';
import type { LinkState } from '../../../shared/domain/stations';
import type { Sentence } from '../../../shared/stations/sentences';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A station emulator at the far end of a real socat pty pair, and the console's link to it. */
async function bench(faults: EmulatorFault[] = [], timing = PROTOCOL_TIMING) {
  const dir = tempDir();
  const pty = new PtyPair(join(dir, 'console'), join(dir, 'station'));
  await pty.plug();
  cleanups.push(() => pty.unplug());
  const station = await attachEmulator(pty.stationPath, { faults, statusMs: 200 });
  cleanups.push(() => station.close());
  const link = new StationLink(pty.consolePath, openSerialTransport, timing);
  const states: LinkState[] = [];
  const heard: Sentence[] = [];
  link.listen({ state: (s) => states.push(s), sentence: (s) => heard.push(s) });
  await link.start();
  cleanups.push(() => link.close());
  return { pty, station, link, states, heard };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the station link over a real pseudo-terminal', () => {
  it('sends commands one at a time and turns a refusal into the station’s code', async () => {
    const { link, station } = await bench();
    const answers = await Promise.all([
      link.command('GETINFO'),
      link.command('PAIR', ['TAG-00001']),
      link.command('LISTTAGS'),
    ]);
    expect(answers).toEqual([
      ['HMU-200', 'HMU2-004512', '2.4.1', 'B3', '1'],
      ['TAG-00001'],
      ['1', 'TAG-00001'],
    ]);
    await expect(link.command('UNPAIR', ['TAG-09999'])).rejects.toMatchObject({
      code: 'station_refused',
      params: { command: 'UNPAIR', stationCode: 'E_NOTFOUND' },
    });
    for (const tag of ['TAG-2', 'TAG-3', 'TAG-4']) await link.command('PAIR', [tag]);
    await expect(link.command('PAIR', ['TAG-5'])).rejects.toMatchObject({
      params: { stationCode: 'E_FULL' },
    });
    expect(station.emulator.state.paired).toHaveLength(4);
  });

  it('resends a command whose answer was lost with the same cmdId, and the tag is paired once', async () => {
    const { link, station } = await bench(['drop-answer'], { ...PROTOCOL_TIMING, answerMs: 150 });
    const sent: string[] = [];
    const original = station.emulator.receive.bind(station.emulator);
    station.emulator.receive = (chunk) => {
      sent.push(Buffer.from(chunk as Uint8Array).toString('latin1'));
      original(chunk);
    };
    expect(await link.command('PAIR', ['TAG-00001'])).toEqual(['TAG-00001']);
    const pairs = sent
      .join('')
      .split('\n')
      .filter((line) => line.includes(',PAIR,'));
    expect(pairs.length).toBe(2);
    expect(new Set(pairs).size).toBe(1);
    expect(station.emulator.state.paired).toEqual(['TAG-00001']);
    expect(station.emulator.commandsCarriedOut).toBe(1);
    expect(link.current.counters.resends).toBe(1);
  });

  it('gives up after 3 resends and says the station did not answer', async () => {
    const { link, station } = await bench(['mute'], { ...PROTOCOL_TIMING, answerMs: 50 });
    let received = 0;
    const original = station.emulator.receive.bind(station.emulator);
    station.emulator.receive = (chunk) => {
      received +=
        Buffer.from(chunk as Uint8Array)
          .toString('latin1')
          .split('\n').length - 1;
      original(chunk);
    };
    await expect(link.command('GETSTATUS')).rejects.toMatchObject({
      code: 'station_no_answer',
      params: { command: 'GETSTATUS' },
    });
    expect(received).toBe(4);
    expect(link.current.counters).toMatchObject({ resends: 3, timeouts: 1 });
  });

  it('is back within 2 s of the cable coming back, and says it was unplugged meanwhile', async () => {
    const { link, pty, states } = await bench();
    await pty.unplug();
    await until(() => link.current.state === 'unplugged', 2000, 'unplugged');
    await pty.plug();
    const plugged = Date.now();
    await until(() => link.current.state === 'open', 2000, 'reopened');
    const reopenMs = Date.now() - plugged;
    expect(states).toEqual(['open', 'unplugged', 'open']);
    expect(await link.command('GETINFO')).toHaveLength(5);
    console.log(`link reopened ${reopenMs} ms after the pty came back`);
  });

  it('marks a station that says nothing as silent, and open again when it speaks', async () => {
    const { link, station } = await bench([], { ...PROTOCOL_TIMING, silentMs: 300 });
    station.emulator.stop();
    await until(() => link.current.state === 'silent', 3000, 'silent');
    await link.command('GETINFO');
    expect(link.current.state).toBe('open');
  });

  it('gets a station’s good sentences through a flood of garbage between them', async () => {
    const { link, heard } = await bench(['garbage']);
    await until(() => heard.filter((s) => s.type === 'SBS').length >= 5, 5000, 'five statuses');
    expect(await link.command('GETINFO')).toHaveLength(5);
    const { dropped, good } = link.current.counters;
    expect(Object.values(dropped).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(good).toBeGreaterThanOrEqual(6);
    const log = link.logLines();
    expect(log.some((line) => line.reason !== null)).toBe(true);
    expect(log.some((line) => line.direction === 'out' && line.text.includes('GETINFO'))).toBe(
      true,
    );
  });
});
