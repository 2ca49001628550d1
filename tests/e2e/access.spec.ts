import type { Page } from '@playwright/test';
import type { MapSnapshot } from '../../shared/domain/map';
import { asAdmin, expect, signIn, test, type HeadlessConsole } from './fixtures/headless-console';

/** What the operator signed in on this console may see, asked over the bridge as the page would. */
async function rpc<T>(headless: HeadlessConsole, name: string, body: unknown = {}): Promise<T> {
  const answer = await fetch(`${headless.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${headless.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await answer.json()) as T;
}

async function firstClient(headless: HeadlessConsole) {
  for (;;) {
    const snapshot = await rpc<MapSnapshot>(headless, 'map.snapshot');
    if (snapshot.clients.length > 0) return snapshot.clients[0]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The shell's sections (a page's own tabs are a navigation of their own).
const navLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link');

test('the idle lock hides every client, keeps counting alerts, and opens for the same operator’s password', async ({
  page,
  headlessConsole: headless,
}) => {
  test.setTimeout(90_000);
  await asAdmin(headless, { idleLockMinutes: 0.25 }); // 15 s, so the test sees it
  await page.goto(headless.url);
  await signIn(page, 'referent1');
  const client = await firstClient(headless);
  await page.evaluate((id) => (window.location.hash = `#/map?client=${id}`), client.id);
  await expect(page.getByTestId('client-panel').getByTestId('client-name')).toHaveText(client.name);

  // No input for 15 s: locked.
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  expect(await page.content()).not.toContain(client.name);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByTestId('lock-screen')).toContainText(/Open alerts|No open alerts/);

  await page.getByLabel('Password of Anna Referente').fill('not-it');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('lock-screen').getByRole('alert')).toHaveText(
    'Wrong username or password.',
  );
  await page.getByLabel('Password of Anna Referente').fill('macibas');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('client-panel').getByTestId('client-name')).toHaveText(client.name);
});

test('on the lock screen another operator signs in instead, ending the first session', async ({
  page,
  headlessConsole: headless,
}) => {
  await page.goto(headless.url);
  await signIn(page, 'referent1');
  await page.getByTestId('lock-now').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByText('Sign in as another operator').click();
  await page.getByLabel('Username').fill('supervisor1');
  await page.getByLabel('Password', { exact: true }).fill('macibas');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('operator-name')).toHaveText('Ilze Vadītāja');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
});

test('each role is offered only its sections; a supervisor reviews and exports the audit log', async ({
  page,
  headlessConsole: headless,
}) => {
  await page.goto(headless.url);
  await signIn(page, 'technician1');
  // Clients: the commissioning view only (name, installation address, devices).
  await expect(navLinks(page)).toHaveText(['Clients', 'Stations', 'Settings']);
  await navLinks(page).filter({ hasText: 'Settings' }).click();
  await expect(page.getByTestId('centre-admin-only')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'admin1');
  await expect(navLinks(page)).toHaveText(['Stations', 'Settings']);
  await navLinks(page).filter({ hasText: 'Settings' }).click();
  await expect(page.getByTestId('security-settings')).toBeVisible();
  await expect(page.getByTestId('cache-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'referent1');
  await expect(navLinks(page)).toHaveText(['Map', 'Alerts', 'Clients', 'Shifts', 'Settings']);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'supervisor1');
  await navLinks(page).filter({ hasText: 'Audit' }).click();
  await expect(page.getByTestId('audit-status')).toContainText('Chain intact');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('session.login');
  await page.getByLabel('Operator').fill('technician1');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('technician1');
  await expect(table).not.toContainText('supervisor1');
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let all = '';
    csv.on('data', (chunk: Buffer) => (all += chunk.toString()));
    csv.on('end', () => resolve(all));
  });
  expect(text.split('\r\n')[0]).toBe('seq,at,operator,action,subject_type,subject_id,detail,hash');
  expect(text).toContain('technician1,session.login');
  await expect(page.getByRole('status').filter({ hasText: 'exported' })).toHaveText(
    /\d+ entries exported/,
  );
});
