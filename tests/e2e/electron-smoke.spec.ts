import { execFileSync } from 'node:child_process';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

const binary = findElectronBinary();

test('the desktop shell opens locked down and reaches the core over IPC', async () => {
  if (binary.path === null) console.log(`Electron smoke test skipped: ${binary.reason}`);
  test.skip(binary.path === null, binary.path === null ? binary.reason : '');

  execFileSync('npm', ['run', 'build:electron'], { stdio: 'inherit' });
  const app = await electron.launch({ executablePath: binary.path!, args: ['.'] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    const shape = await page.evaluate(async () => ({
      hasApi: typeof window.sargs?.app.info === 'function',
      hasRequire: 'require' in window,
      hasProcess: 'process' in window,
      mode: (await window.sargs?.app.info())?.mode,
    }));
    expect(shape).toEqual({ hasApi: true, hasRequire: false, hasProcess: false, mode: 'electron' });
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
  } finally {
    await app.close();
  }
});
