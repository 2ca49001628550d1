import { join } from 'node:path';
import { attachEmulator } from '../../../electron/core/stations/emulator/attach';
import { PtyPair } from '../../../electron/core/stations/emulator/pty-pair';
import type {
  EmulatedTag,
  EmulatorFault,
} from '../../../electron/core/stations/emulator/station-emulator';
import { tempDir } from '../../helpers/temp-dir';

/** A station emulator on the far end of a real socat pty pair; `consolePath` is the console's. */
export async function stationOnPty(
  cleanups: (() => Promise<unknown>)[],
  options: { faults?: EmulatorFault[]; tags?: EmulatedTag[]; serial?: string } = {},
) {
  const dir = tempDir();
  const pty = new PtyPair(join(dir, 'console'), join(dir, 'station'));
  await pty.plug();
  cleanups.push(() => pty.unplug());
  const station = await attachEmulator(pty.stationPath, {
    ...options,
    statusMs: 200,
    rfTestMs: 100,
    gpsMs: 200,
  });
  cleanups.push(() => station.close());
  return { pty, emulator: station.emulator };
}

export async function until<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
