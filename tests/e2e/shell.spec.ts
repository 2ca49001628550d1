import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/headless-console';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('the shell switches language, keeps it, and shows app.info', async ({
  page,
  headlessConsole: headless,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto(headless.url);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Alerts' })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('No central service');
  // The token left the address bar once it was read.
  expect(page.url()).not.toContain(headless.token);

  await page.getByTestId('language-switch').selectOption('lv');
  await expect(nav.getByRole('link', { name: 'Trauksmes' })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Nav centrālā servisa');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');

  // The choice is a setting in the data directory: it survives a reload.
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Karte' })).toBeVisible();
  const stored = JSON.parse(readFileSync(join(headless.dataDir, 'settings.json'), 'utf8')) as {
    language: string;
  };
  expect(stored.language).toBe('lv');

  await page.getByTestId('language-switch').selectOption('en');
  await expect(nav.getByRole('link', { name: 'Alerts' })).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('about-mode')).toHaveText('headless');

  await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('the page says so when the console core goes away', async ({
  page,
  headlessConsole: headless,
}) => {
  await page.goto(headless.url);
  await expect(page.getByTestId('connection')).toContainText('No central service');
  await headless.stop();
  await expect(page.getByTestId('connection')).toContainText('Console core unreachable');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'bridge_lost');
});
