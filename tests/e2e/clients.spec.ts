import { raiseAlert } from '../../electron/core/simulator/raise-alert';
import { foldForSearch } from '../../shared/format/search';
import {
  expect,
  signIn,
  startConsoleOnSimulator,
  switchOperator,
  test,
} from './fixtures/headless-console';

test('the register lists every client, filters as the link says, and opens a client file', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = await startConsoleOnSimulator({ clients: 300, seed: 18 }, new Date());
  try {
    const clients = [...run.sim.state.clients.values()];
    await page.goto(run.headless.url);
    await signIn(page, 'referent1');
    await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
    await expect(page.getByTestId('register-count')).toHaveAttribute('data-count', '300', {
      timeout: 20_000,
    });
    // Virtualised: only the rows in sight are in the page (a list box that grew with its rows
    // once rendered all of them, and a filter change at 10,000 clients took a second).
    const inPage = await page.getByTestId('register-row').count();
    expect(inPage).toBeGreaterThan(5);
    expect(inPage).toBeLessThan(60);

    // High risk + juvenile, "liepaja": the same clients the simulator's world says.
    await page.getByTestId('risk-high').check();
    await page.getByTestId('flag-juvenile').check();
    await page.getByTestId('register-search').fill('liepaja');
    const expected = clients.filter(
      (c) =>
        c.riskLevel === 'high' &&
        c.flags.includes('juvenile') &&
        foldForSearch(`${c.territorialUnit} ${c.home?.address ?? ''}`).includes('liepaja'),
    );
    await expect(page.getByTestId('register-count')).toHaveAttribute(
      'data-count',
      String(expected.length),
    );
    const listed = await page
      .getByTestId('register-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-client')));
    expect(listed.sort()).toEqual(expected.map((c) => c.id).sort());

    // The link carries the view: opened afresh (the register built anew from it), the same.
    const link = new URL(page.url()).hash;
    expect(link).toContain('risk=high');
    await page.evaluate(() => (window.location.hash = '#/map'));
    await expect(page.getByTestId('register-count')).toHaveCount(0);
    await page.evaluate((hash) => (window.location.hash = hash), link);
    await expect(page.getByTestId('register-count')).toHaveAttribute(
      'data-count',
      String(expected.length),
      { timeout: 20_000 },
    );

    // A client file: zones, devices and the alert raised for them a moment ago.
    const client = clients.find((c) => c.deviceIds.length > 1) ?? clients[0]!;
    const alert = run.sim.state.at(Date.now(), () =>
      raiseAlert(
        run.sim.state,
        {
          clientId: client.id,
          deviceId: null,
          zoneId: null,
          type: 'inclusion_exit',
          severity: 'high',
        },
        null,
      ),
    );
    await page.evaluate(() => (window.location.hash = '#/clients'));
    await page.getByTestId('register-search').fill(client.caseNumber);
    await expect(page.getByTestId('register-count')).toHaveAttribute('data-count', '1');
    await page.getByTestId('register-list').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('file-name')).toHaveText(client.displayName);
    await expect(page.locator(`[data-testid="file-alert"][data-alert="${alert.id}"]`)).toBeVisible({
      timeout: 10_000,
    });
    await expect(page.getByTestId('file-devices').locator('li')).toHaveCount(
      client.deviceIds.length,
    );
    const zones = [...run.sim.state.zones.values()].filter(
      (z) => z.clientId === client.id || z.appliesTo.includes(client.id),
    );
    await expect(page.getByTestId('file-zone')).toHaveCount(zones.length);
    // Each zone says whether it is in force and until when; a scheduled one has its 7-day preview.
    await expect(page.getByTestId('file-zones').getByTestId('zone-force')).toHaveCount(
      zones.length,
    );
    await expect(page.getByTestId('week-preview')).toHaveCount(
      zones.filter((z) => z.schedule !== null).length,
    );
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('register-count')).toBeVisible();

    // A technician: the reduced register and file, nothing of the case.
    await switchOperator(page, 'technician1');
    await page.evaluate((id) => (window.location.hash = `#/clients/${id}`), client.id);
    await expect(page.getByTestId('file-reduced')).toBeVisible();
    await expect(page.getByTestId('file-profile')).toHaveCount(0);
    // Nothing of the case, not even in a link left by the referent who signed out.
    expect(await page.content()).not.toContain(client.caseNumber);
  } finally {
    await run.stop();
  }
});
