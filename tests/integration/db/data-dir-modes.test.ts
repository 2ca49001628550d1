import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createConsoleCore } from '../../../electron/core/console-core';
import { tempDir } from '../../helpers/temp-dir';

it.skipIf(process.platform === 'win32')(
  'keeps the data directory 0700 and every file in it 0600, older ones and the cache it makes alike',
  async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'settings.json'), '{}', { mode: 0o644 });
    const previous = process.umask(0o022); // as a careless login shell would have it
    try {
      const core = await createConsoleCore({
        dataDir,
        mode: 'headless',
        central: null,
        logError: () => undefined,
      });
      await core.close();
    } finally {
      process.umask(previous);
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['settings.json', 'cache.db']));
    for (const name of files)
      expect([name, statSync(join(dataDir, name)).mode & 0o777]).toEqual([name, 0o600]);
  },
);
