import type { Page } from '@playwright/test';
import type { Simulator } from '../../electron/core/simulator/simulator';
import {
  expect,
  signIn,
  signedInPage,
  startConsoleOnSimulator,
  startHeadlessConsole,
  switchOperator,
  test,
  type HeadlessConsole,
} from './fixtures/headless-console';

// The shared alert queue: two consoles (two referents) on one standalone simulator.

let sim: Simulator;
let first: HeadlessConsole;
let second: HeadlessConsole;
let stop: () => Promise<void>;

test.beforeEach(async () => {
  const now = Date.now();
  // The service's clock is the wall clock: SLA timers count from what it says.
  ({
    sim,
    headless: first,
    stop,
  } = await startConsoleOnSimulator(
    { clients: 40, seed: 11, start: new Date(now) },
    new Date(now),
  ));
  second = await startHeadlessConsole(['--central', sim.url]);
});

test.afterEach(async () => {
  await second.stop();
  await stop();
});

async function openQueue(
  newPage: () => Promise<Page>,
  console_: HeadlessConsole,
  user: string,
): Promise<Page> {
  const page = await signedInPage(newPage, console_, user);
  await page.getByRole('navigation').getByRole('link', { name: 'Alerts' }).click();
  await expect(page.getByTestId('alert-count')).toBeVisible();
  return page;
}

/** A client of the simulator's world with a known position (the alert is raised there). */
function someClient(): string {
  return sim.state.lastPositions()[0]!.clientId;
}

test('an exclusion breach reaches both consoles; A handles it by keyboard alone, B sees every step', async ({
  newPage,
}) => {
  const a = await openQueue(newPage, first, 'referent1');
  const b = await openQueue(newPage, second, 'referent2');
  const raisedAt = Date.now();
  const alert = sim.raise({
    clientId: someClient(),
    type: 'exclusion_entry',
    severity: 'critical',
  });
  const rowA = a.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`);
  const rowB = b.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`);
  await expect(rowA).toBeVisible();
  await expect(rowB).toBeVisible();
  test.info().annotations.push({
    type: 'latency',
    description: `raised → shown in both queues: ${Date.now() - raisedAt} ms`,
  });
  await expect(rowA).toContainText('Exclusion zone entered');
  await expect(rowA.getByTestId('sla')).toContainText('claim within');

  // A: the critical alert is at the top; keyboard only from here on.
  while ((await rowA.getAttribute('aria-selected')) !== 'true') await a.keyboard.press('ArrowDown');
  await a.keyboard.press('c');
  await expect(rowA.getByTestId('alert-claim')).toHaveText('Claimed by you');

  // B sees the claim, is not offered it, and is told why when trying by key.
  await rowB.click();
  await expect(rowB.getByTestId('alert-claim')).toHaveText('Claimed by referent1');
  const detailB = b.getByTestId('alert-detail');
  await expect(detailB.locator('button[data-kind=claim]')).toHaveCount(0);
  await b.keyboard.press('c');
  await expect(detailB.getByTestId('alert-message')).toHaveText(
    'Not possible now: the alert is claimed by referent1',
  );

  // A: note, contact, acknowledge, resolve — each form by key, filled and sent with Enter.
  await a.keyboard.press('n');
  await a.keyboard.type('Client called, on the way out of the zone');
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('alert-journal').locator('li')).toHaveCount(2);
  await a.keyboard.press('t');
  await a.keyboard.type('client');
  await a.keyboard.press('Tab');
  await a.keyboard.type('phone');
  await a.keyboard.press('Tab');
  await a.keyboard.type('left the zone');
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('alert-journal').locator('li')).toHaveCount(3);
  await a.keyboard.press('a');
  await expect(a.getByTestId('alert-detail').getByTestId('alert-state')).toHaveText('Acknowledged');
  await a.keyboard.press('r');
  await a.keyboard.press('Tab'); // the outcome code keeps its default: client contacted
  await a.keyboard.type('Left within 4 minutes');
  await a.keyboard.press('Enter');

  // Both show the final journal; the alert has left both queues.
  for (const page of [a, b]) {
    const detail = page.getByTestId('alert-detail');
    await expect(detail.getByTestId('alert-state')).toHaveText('Resolved');
    await expect(detail.getByTestId('alert-journal').locator('li')).toHaveText([
      /claim/i,
      /Note Client called/,
      /Contact client · phone · left the zone/,
      /Acknowledge/,
      /Resolve Client contacted · Left within 4 minutes/,
    ]);
    await expect(page.locator(`[data-alert-id="${alert.id}"]`)).toHaveCount(0);
  }
  expect(sim.state.alerts.get(alert.id)).toMatchObject({
    state: 'resolved',
    resolution: { code: 'client_contacted', note: 'Left within 4 minutes' },
  });
});

test('a claim made while the service is down waits, is shown as waiting, and is delivered once', async ({
  newPage,
}) => {
  const a = await openQueue(newPage, first, 'referent1');
  const alert = sim.raise({ clientId: someClient(), type: 'strap_tamper', severity: 'high' });
  const row = a.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`);
  await row.click();

  sim.faults.failures = { remaining: 1_000_000, status: 503 };
  sim.dropStreams();
  await a.getByTestId('alert-detail').locator('button[data-kind=claim]').click();
  await expect(row).toContainText('Claim waiting to be sent');
  await expect(a.getByTestId('pending-actions')).toBeVisible();
  // A second move is held back until the first is delivered.
  await a.keyboard.press('u');
  await expect(a.getByTestId('alert-message')).toContainText('still waiting to be sent');

  sim.faults.clear();
  await expect(row.getByTestId('alert-claim')).toHaveText('Claimed by you', { timeout: 40_000 });
  await expect(a.getByTestId('pending-actions')).toHaveCount(0);
  expect(sim.state.actions.get(alert.id)?.map((action) => action.kind)).toEqual(['claim']);
});

test('the centre’s checklist and targets from Settings are what the alert detail shows', async ({
  newPage,
}) => {
  // The centre's checklist and targets are an administrator's to set.
  const a = await newPage();
  await a.goto(first.url);
  await signIn(a, 'admin1');
  await a.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const panel = a.getByTestId('alert-settings');
  await panel.getByLabel('Checklist for').selectOption('victim_proximity');
  await panel.getByLabel('Steps, one a line').fill('Call the victim\n\nCall patrol 112\n');
  await panel.getByLabel('Critical Claim within (min)').fill('2');
  await panel.getByLabel('Critical Resolve within (min)').fill('1');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Not accepted: alertSla.critical.resolveS: resolving cannot be due before claiming',
  );
  await panel.getByLabel('Critical Claim within (min)').fill('0.25');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved');

  // The supervisor on shift sees them.
  await switchOperator(a, 'supervisor1');
  await a.getByRole('navigation').getByRole('link', { name: 'Alerts' }).click();
  const alert = sim.raise({
    clientId: someClient(),
    type: 'victim_proximity',
    severity: 'critical',
  });
  await a.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`).click();
  const detail = a.getByTestId('alert-detail');
  await expect(detail.getByTestId('alert-guidance').locator('label')).toHaveText([
    'Call the victim',
    'Call patrol 112',
  ]);
  // Claim within 15 s of being raised: the timer runs out and says so.
  await expect(detail.getByTestId('sla')).toHaveAttribute('data-breached', 'true', {
    timeout: 20_000,
  });
  await expect(detail.getByTestId('sla')).toContainText('claim overdue by');
  // The queue's time column holds the whole timer, in English and in the longer Latvian.
  const when = a.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"] .alert-when`);
  const cut = () => when.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(await cut()).toBe(false);
  await a.getByTestId('language-switch').selectOption('lv');
  await expect(when).toContainText('kavējas');
  expect(await cut()).toBe(false);
});

test('stepping through the queue shows each alert at once: the detail panel is never empty', async ({
  newPage,
}) => {
  const page = await openQueue(newPage, first, 'referent1');
  const clients = sim.state.lastPositions().map((p) => p.clientId);
  for (const clientId of clients.slice(0, 3))
    sim.raise({ clientId, type: 'exclusion_entry', severity: 'critical' });
  await expect.poll(() => page.getByTestId('alert-row').count()).toBeGreaterThanOrEqual(3);
  const detail = page.getByTestId('alert-detail');
  const selectedRow = page.locator('[data-testid=alert-row][aria-selected=true]');
  await page.keyboard.press('Home');
  await expect(detail).toHaveAttribute('data-shown-alert', /.+/);
  // Counts the moments the page showed no alert: the old way emptied the panel for each alert
  // chosen until that alert's detail had loaded.
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid=alert-detail]')!.parentElement!;
    const seen = { empty: 0 };
    (window as unknown as { panelEmpty: typeof seen }).panelEmpty = seen;
    new MutationObserver(() => {
      if (!box.querySelector('[data-testid=alert-detail]')) seen.empty += 1;
    }).observe(box, { childList: true });
  });
  for (let step = 0; step < 2; step += 1) {
    await page.keyboard.press('ArrowDown');
    const id = await selectedRow.getAttribute('data-alert-id');
    await expect(detail).toHaveAttribute('data-shown-alert', id!);
  }
  await expect(detail.getByText('No actions yet.')).toBeVisible();
  expect(
    await page.evaluate(
      () => (window as unknown as { panelEmpty: { empty: number } }).panelEmpty.empty,
    ),
  ).toBe(0);
});
