import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real core through the headless bridge in a real Chromium: Debian's
 * (/usr/bin/chromium) unless SARGS_CHROMIUM names another. Playwright's own browser download
 * is not used (these machines cannot reach it).
 */
export const chromiumPath = process.env.SARGS_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
