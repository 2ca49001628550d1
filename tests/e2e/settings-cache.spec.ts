import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signIn, test } from './fixtures/headless-console';

test('Settings shows the local cache, keeps a new retention period and purges on request', async ({
  page,
  headlessConsole,
}) => {
  await page.goto(headlessConsole.url);
  await signIn(page, 'admin1');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByTestId('cache-panel');
  await expect(panel).toContainText(join(headlessConsole.dataDir, 'training.db'));
  await expect(panel.getByTestId('last-purge')).toHaveText('Not yet');

  const days = panel.getByLabel('Keep positions for (days)');
  await expect(days).toHaveValue('90');
  await days.fill('30');
  await panel.getByRole('button', { name: 'Save' }).click();
  // The core answers only once the file is written, so the page's "Saved" means it is on disk.
  await expect(panel.getByRole('status')).toHaveText('Saved');
  const stored = readFileSync(join(headlessConsole.dataDir, 'settings.json'), 'utf8');
  expect(JSON.parse(stored).retentionDays).toBe(30);

  await panel.getByRole('button', { name: 'Purge now' }).click();
  await expect(panel.getByTestId('last-purge')).toContainText('0 positions older than');

  await page.reload();
  await expect(page.getByTestId('cache-panel').getByLabel('Keep positions for (days)')).toHaveValue(
    '30',
  );

  // Out-of-range input is refused by the core with the field named, and shown.
  await page.getByTestId('cache-panel').getByLabel('Keep positions for (days)').fill('0');
  await page.getByTestId('cache-panel').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('cache-panel').getByRole('status')).toContainText('retentionDays');
});

test('Settings takes the centre’s central service URL for the next start, and refuses a bad one', async ({
  page,
  headlessConsole,
}) => {
  await page.goto(headlessConsole.url);
  await signIn(page, 'admin1');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByTestId('central-panel');
  await expect(panel).toContainText('This console works with: http://127.0.0.1:');

  await panel.getByLabel('Service URL').fill('ftp://em.example.lv');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toContainText('centralUrl');

  await panel.getByLabel('Service URL').fill('https://em.example.lv/');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Saved. Restart the console to connect to it.',
  );
  const stored = JSON.parse(readFileSync(join(headlessConsole.dataDir, 'settings.json'), 'utf8'));
  expect(stored.centralUrl).toBe('https://em.example.lv');
});
