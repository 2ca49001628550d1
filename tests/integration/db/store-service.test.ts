import { mkdirSync } from 'node:fs';
import { call } from '../../helpers/call';
import { join } from 'node:path';
import { apiRejection } from '../../helpers/rejection';
import { describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../../electron/core/console-core';
import { openDatabase } from '../../../electron/core/db/open-database';
import { BARE_CACHE as CACHE_FILE, cacheFileFor } from '../../../electron/core/db/cache-file';
import { startSimulator } from '../../../electron/core/simulator/simulator';
import { TRAINING_PASSWORD } from '../../../electron/core/simulator/training-accounts';
import { describeStoreFailure } from '../../../electron/core/db/store-service';
import { StoreError } from '../../../electron/core/db/store';
import { tempDir } from '../../helpers/temp-dir';

describe('a console whose cache cannot be used', () => {
  it('starts anyway, says why at start-up, and answers cache operations with the reason', async () => {
    const dataDir = tempDir();
    // Something that is not a file where the cache must go: SQLite cannot open it.
    const sim = await startSimulator({ clients: 3, seed: 1, run: false });
    mkdirSync(cacheFileFor(dataDir, sim.url));
    const core = await createConsoleCore({
      dataDir,
      mode: 'headless',
      central: sim.url,
      logError: () => undefined,
    });

    const info = await call(core, 'app.info', {});
    expect(info.warnings).toEqual([
      expect.stringMatching(/^The local cache could not be opened: Cannot open the cache/),
    ]);
    // Nobody signs in without a cache (the session's sync has nowhere to go): the login says why.
    const login = await apiRejection(
      core.dispatch('session.login', { username: 'admin1', password: 'macibas' }),
    );
    expect(login.code).toBe('unavailable');
    expect(login.message).toMatch(/could not be opened/);
    await expect(core.health(true)).resolves.toMatchObject({
      cache: null,
      cacheError: expect.stringMatching(/could not be opened/),
    });
    // What the login screen needs still works without the cache.
    await expect(core.dispatch('settings.display', {})).resolves.toMatchObject({ language: 'en' });
    await core.close();
    await sim.close();
  });

  it('refuses a cache from a newer console with a message that says what to do', async () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, CACHE_FILE));
    db.pragma('user_version = 999');
    db.close();
    const core = await createConsoleCore({
      dataDir,
      mode: 'headless',
      central: null,
      logError: () => undefined,
    });
    const info = await call(core, 'app.info', {});
    expect(info.warnings[0]).toMatch(/written by a newer Sargs .* run the newer console/);
    await core.close();
  });

  it('reports status and purges on request when all is well', async () => {
    const sim = await startSimulator({ clients: 3, seed: 1, run: false });
    const core = await createConsoleCore({
      dataDir: tempDir(),
      mode: 'headless',
      central: sim.url,
    });
    await core.dispatch('session.login', { username: 'admin1', password: TRAINING_PASSWORD });
    const status = await core.dispatch('store.purge', {});
    expect(status).toMatchObject({
      available: true,
      error: null,
      retentionDays: 90,
      lastPurge: { deleted: 0 },
    });
    await core.close();
    await sim.close();
  });
});

describe('describeStoreFailure', () => {
  it.each([
    ['SQLITE_FULL', 'unavailable', /is full/],
    ['SQLITE_IOERR_WRITE', 'unavailable', /cannot be written \(SQLITE_IOERR_WRITE\)/],
    ['SQLITE_READONLY_DBMOVED', 'unavailable', /cannot be written/],
    ['SQLITE_CONSTRAINT', 'internal', /Local cache error/],
  ])('%s → %s', (code, expected, message) => {
    const error = describeStoreFailure(new StoreError('database or disk is full', code));
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(message);
  });
});
