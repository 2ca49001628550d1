import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signIn, test } from './fixtures/headless-console';

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
  await signIn(page);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Alerts' })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Connected');
  // The token left the address bar once it was read.
  expect(page.url()).not.toContain(headless.token);

  await page.getByTestId('language-switch').selectOption('lv');
  await expect(nav.getByRole('link', { name: 'Trauksmes' })).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Savienots');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');

  // The choice is a setting in the data directory: it survives a reload (the session too).
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
  await signIn(page);
  await headless.stop();
  await expect(page.getByTestId('connection')).toContainText('Console core unreachable');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'bridge_lost');
});

test('sign-in refuses a wrong password, shows who is on, and signs out', async ({
  page,
  headlessConsole,
}) => {
  await page.goto(headlessConsole.url);
  await expect(page.getByText(/Central service: http:\/\/127\.0\.0\.1:\d+/)).toBeVisible();
  await page.getByLabel('Username').fill('referent1');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  await signIn(page, 'supervisor1');
  await expect(page.getByTestId('operator-name')).toHaveText('Ilze Vadītāja');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('data is marked stale when nothing has arrived for a minute', async ({
  page,
  headlessConsole,
}) => {
  await page.clock.install();
  await page.goto(headlessConsole.url);
  await signIn(page);
  const indicator = page.getByTestId('connection');
  await expect(indicator).toContainText('last event');
  await expect(indicator).not.toHaveAttribute('data-stale');
  // The page's clock runs 90 s ahead of every event the core has passed on.
  await page.clock.fastForward(90_000);
  await expect(indicator).toHaveAttribute('data-stale', 'true');
  await expect(indicator).toContainText('Data may be out of date');
});

test('a page that fails to draw takes only itself down: the header and the other sections go on', async ({
  page,
  headlessConsole: headless,
}) => {
  // The core's register answer replaced with one the page cannot draw (as a core of another
  // version, or a bug, might send).
  await page.route('**/rpc/clients.register', (route) =>
    route.fulfill({ json: { rows: 'not rows', total: 'x' } }),
  );
  await page.goto(headless.url);
  await signIn(page, 'supervisor1');
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByTestId('page-failed')).toContainText('This page stopped working');
  await expect(page.getByTestId('connection')).toBeVisible();
  await expect(page.getByTestId('operator-name')).toBeVisible();

  await page.unroute('**/rpc/clients.register');
  await page.getByRole('button', { name: 'Open the page again' }).click();
  await expect(page.getByTestId('page-failed')).toHaveCount(0);
  await expect(page.getByTestId('register-row').first()).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
  await expect(page).toHaveURL(/#\/map/);
  await expect(page.getByTestId('page-failed')).toHaveCount(0);
});
