import { afterEach, expect, it } from 'vitest';
import { call } from '../../helpers/call';
import { createConsoleCore, type ConsoleCore } from '../../../electron/core/console-core';
import { startSimulator, type Simulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { apiRejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/temp-dir';

let sim: Simulator | null = null;
let core: ConsoleCore | null = null;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = null;
});

const open = (dataDir: string) =>
  createConsoleCore({ dataDir, mode: 'headless', logError: () => undefined });

it('uses the central URL from Settings from the next start, with a cache of its own', async () => {
  sim = await startSimulator({ clients: 10, seed: 2, run: false });
  const dataDir = tempDir();
  core = await open(dataDir);
  // No URL set: the console trains on its built-in simulator.
  const embedded = await call(core, 'connection.get', {});
  expect(embedded.central).not.toBe(sim.url);
  // The centre's service is an administrator's to change.
  await core.dispatch('session.login', { username: 'referent1', password: TRAINING_PASSWORD });
  const referent = await apiRejection(
    core.dispatch('settings.setCentre', { centralUrl: `${sim.url}/` }),
  );
  expect(referent.code).toBe('forbidden');
  await core.dispatch('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
  const bad = await apiRejection(
    core.dispatch('settings.setCentre', { centralUrl: 'ftp://em.lv' }),
  );
  expect(bad).toMatchObject({ code: 'invalid_input', field: 'centralUrl' });
  const clear = await apiRejection(
    core.dispatch('settings.setCentre', { centralUrl: 'http://central.example.lv' }),
  );
  expect(clear).toMatchObject({ code: 'invalid_input', field: 'centralUrl' });
  await core.dispatch('settings.setCentre', { centralUrl: `${sim.url}/` });
  await core.close();

  core = await open(dataDir);
  expect((await call(core, 'connection.get', {})).central).toBe(sim.url);
  await core.dispatch('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
  const status = await call(core, 'store.status', {});
  expect(status.file).toMatch(/cache-127\.0\.0\.1-[0-9a-f]{8}\.db$/);
});

it('starts the training simulator on a fresh cache each time: its world is new each start', async () => {
  const dataDir = tempDir();
  const first = await open(dataDir);
  core = first;
  await first.dispatch('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
  const cursor = async () => (await call(first, 'store.status', {})).cursor;
  for (let tries = 0; tries < 100 && (await cursor()) === 0; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await cursor()).toBeGreaterThan(0);
  await first.close();

  // Before: the old cursor was kept and the new simulator's events up to it were dropped.
  core = await open(dataDir);
  await core.dispatch('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
  expect((await call(core, 'store.status', {})).cursor).toBe(0);
});
