import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signIn, test } from './fixtures/headless-console';

test('Settings shows the local cache, keeps a new retention period and purges on request', async ({
  page,
  headlessConsole,
}) => {
  await page.goto(headlessConsole.url);
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByTestId('cache-panel');
  await expect(panel).toContainText(join(headlessConsole.dataDir, 'cache.db'));
  await expect(panel.getByTestId('last-purge')).toHaveText('Not yet');

  const days = panel.getByLabel('Keep positions for (days)');
  await expect(days).toHaveValue('90');
  await days.fill('30');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(
      () =>
        JSON.parse(readFileSync(join(headlessConsole.dataDir, 'settings.json'), 'utf8'))
          .retentionDays,
    )
    .toBe(30);

  await panel.getByRole('button', { name: 'Purge now' }).click();
  await expect(panel.getByTestId('last-purge')).toContainText('0 positions older than');

  await page.reload();
  await expect(page.getByTestId('cache-panel').getByLabel('Keep positions for (days)')).toHaveValue(
    '30',
  );

  // Out-of-range input is refused by the core with the field named, and shown.
  await page.getByTestId('cache-panel').getByLabel('Keep positions for (days)').fill('0');
  await page.getByTestId('cache-panel').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('cache-panel').getByRole('alert')).toContainText('retentionDays');
});
