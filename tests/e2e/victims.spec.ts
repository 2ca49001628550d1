import { consoleOnSimulatorPerTest, expect, signIn, test } from './fixtures/headless-console';

// A victim's position is shown only while a victim_proximity alert for their order is unresolved;
// before and after, the referent sees the distance band alone.

const world = consoleOnSimulatorPerTest(
  // Its last half hour lived, its clock now: bands judge fixes by the console's clock.
  () => ({ clients: 60, seed: 3, livedHours: 0.5 }),
  () => new Date(),
);

test('a victim approach raises victim_proximity; the victim is on the map only until it is resolved', async ({
  page,
}) => {
  const { sim, headless } = world;
  const order = [...sim.state.protectionOrders.values()][0]!;
  const client = sim.state.clients.get(order.clientId)!;
  await page.goto(headless.url);
  await signIn(page);
  await page.evaluate((id) => (window.location.hash = `#/map?client=${id}`), client.id);
  const panel = page.getByTestId('client-panel');
  await expect(panel.getByTestId('protection-band')).toHaveAttribute(
    'data-band',
    /far|warning|unknown/,
  );
  await expect(page.locator('.victim-circle')).toHaveCount(0);

  sim.victims.approach(order.id);
  const alert = [...sim.state.alerts.values()].find(
    (a) => a.type === 'victim_proximity' && a.orderId === order.id,
  )!;
  await expect(page.locator('.victim-circle')).toHaveCount(1);
  await expect(panel.getByTestId('protection-band')).toHaveAttribute('data-band', 'alert');
  await expect(panel.getByTestId('client-alerts')).toContainText(/Victim|victim/);

  // The referent works the alert on the queue by key: claim, acknowledge, resolve with a note.
  await page.evaluate(() => (window.location.hash = '#/alerts'));
  const row = page.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`);
  await row.click();
  await page.keyboard.press('c');
  await expect(row.getByTestId('alert-claim')).toHaveText('Claimed by you');
  await page.keyboard.press('a');
  const detail = page.getByTestId('alert-detail');
  await expect(detail.getByTestId('alert-state')).toHaveText('Acknowledged');
  await page.keyboard.press('r');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Victim called: safe indoors, police on the way');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('alert-state')).toHaveText('Resolved');

  await page.evaluate((id) => (window.location.hash = `#/map?client=${id}`), client.id);
  await expect(page.getByTestId('client-panel')).toBeVisible();
  await expect(page.locator('.victim-circle')).toHaveCount(0);
  // The client file shows the order too, as a band only.
  await page.getByTestId('client-panel').getByTestId('client-file-link').click();
  await expect(page.getByTestId('client-file').getByTestId('protection-band')).toContainText(
    `Order ${order.id}`,
  );
});
