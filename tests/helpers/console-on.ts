import { createConsoleCore, type ConsoleCore } from '../../electron/core/console-core';
import type { Simulator } from '../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../electron/core/simulator/training-accounts';
import { call } from './call';
import { tempDir } from './temp-dir';

/** A console core on the simulator with a fresh data directory, signed in; closed by `cleanups`. */
export async function consoleOn(
  sim: Simulator,
  username: string,
  cleanups: (() => Promise<unknown>)[],
  options: { rangeListenMs?: number; now?: () => Date } = {},
): Promise<ConsoleCore> {
  const core = await createConsoleCore({
    dataDir: tempDir(),
    mode: 'headless',
    central: sim.url,
    logError: () => undefined,
    ...options,
  });
  cleanups.push(() => core.close());
  await call(core, 'session.login', { username, password: TRAINING_PASSWORD });
  return core;
}
