import { TRAINING_PASSWORD } from '../../electron/core/simulator/training-accounts';
import type { Alert } from '../../shared/central/records';
import { consoleOnSimulatorPerTest, expect, signIn, test } from './fixtures/headless-console';

// The operator always knows what happened to their actions: waiting (the service is down) or
// refused (someone else got there first), with what is true now. Alert actions are driven through
// the console's own bridge, as the page's alert queue does.

const world = consoleOnSimulatorPerTest(
  () => ({ clients: 80, seed: 3, start: new Date('2026-11-23T16:00:00.000Z') }),
  () => new Date('2026-11-24T16:00:00.000Z'),
);

function anOpenAlert(): Alert {
  const alert = [...world.sim.state.alerts.values()].find(
    (candidate) => candidate.state === 'open',
  );
  if (!alert) throw new Error('the scenario raised no alert');
  return alert;
}

async function act(alert: Alert, kind: string, payload: object = {}): Promise<void> {
  const answer = await fetch(`${world.headless.origin}/rpc/alerts.act`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${world.headless.token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ alertId: alert.id, kind, payload, expectedVersion: alert.version }),
  });
  expect(answer.status).toBe(200);
}

test('an action waits visibly while the service fails, then goes; a refused one says why', async ({
  page,
}) => {
  await page.goto(world.headless.url);
  await signIn(page);
  const alert = anOpenAlert();
  // The page below the header stays where it is while the badge comes and goes: on the map a
  // shifted container is redrawn whole, and a referent's click lands 20 px off.
  const pageTop = () =>
    page.locator('main.shell-main').evaluate((main) => main.getBoundingClientRect().top);
  const before = await pageTop();

  world.sim.faults.failures = { remaining: 1_000, status: 503 };
  await act(alert, 'note', { text: 'Client called in' });
  await expect(page.getByTestId('pending-actions')).toHaveText('1 action waiting to be sent');
  expect(await pageTop()).toBe(before);
  world.sim.faults.clear();
  await expect(page.getByTestId('pending-actions')).toBeHidden({ timeout: 15_000 });
  expect(world.sim.state.actions.get(alert.id)?.map((a) => a.kind)).toEqual(['note']);

  // Another referent claims it at the service first.
  const other = await fetch(`${world.sim.url}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username: 'referent2', password: TRAINING_PASSWORD }),
  });
  const { token } = (await other.json()) as { token: string };
  await fetch(`${world.sim.url}/api/v1/alerts/${alert.id}/actions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      kind: 'claim',
      payload: {},
      expectedVersion: world.sim.state.alerts.get(alert.id)!.version,
      idempotencyKey: crypto.randomUUID(),
    }),
  });
  await act(world.sim.state.alerts.get(alert.id)!, 'claim');
  const refusals = page.getByTestId('refusals');
  await expect(refusals).toContainText(`Action on alert ${alert.id}`);
  await expect(refusals).toContainText('claimed by referent2');
  await expect(refusals).toContainText('now: claimed → referent2');
  await page.screenshot({ path: test.info().outputPath('refusal.png'), fullPage: true });
  await refusals.getByRole('button', { name: 'Understood' }).click();
  await expect(refusals).toBeHidden();
});
