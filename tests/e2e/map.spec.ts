import Database from 'better-sqlite3';
import { cacheFileFor } from '../../electron/core/db/cache-file';
import type { Simulator } from '../../electron/core/simulator/simulator';
import {
  expect,
  signIn,
  startConsoleOnSimulator,
  test,
  type HeadlessConsole,
} from './fixtures/headless-console';

// The live map against a standalone simulator holding three hours of history up to now.

const HOUR = 3_600_000;
let sim: Simulator;
let headless: HeadlessConsole;
let stop: () => Promise<void>;

test.beforeEach(async () => {
  const now = Date.now();
  ({ sim, headless, stop } = await startConsoleOnSimulator(
    { clients: 150, seed: 8, start: new Date(now - 3 * HOUR) },
    new Date(now),
  ));
});

test.afterEach(() => stop());

function placedInCache(): number {
  const db = new Database(cacheFileFor(headless.dataDir, sim.url), { readonly: true });
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM clients AS c JOIN last_fixes AS f ON f.client_id = c.id WHERE c.status <> 'ended'`,
    )
    .get() as { n: number };
  db.close();
  return row.n;
}

test('the map shows the cache’s clients; a client found by name opens with their data and trail', async ({
  page,
}) => {
  await page.goto(headless.url);
  await signIn(page);
  const count = page.getByTestId('map-count');
  await expect(count).not.toHaveAttribute('data-count', '0');
  await expect
    .poll(async () => Number(await count.getAttribute('data-count')))
    .toBe(placedInCache());

  // A client on the move, found by name. The console came in through a snapshot (last fixes
  // only), so their trail is what the stream brings from now on: let the simulation run on.
  const since = Date.now() - 2 * HOUR;
  const [clientId] = [...sim.state.positions].find(([, fixes]) => {
    const recent = fixes.filter((p) => Date.parse(p.at) >= since);
    return new Set(recent.map((p) => p.lat)).size > 5;
  })!;
  const client = sim.state.clients.get(clientId)!;
  await page.getByTestId('map-search').fill(client.displayName);
  await page.getByRole('button', { name: `${client.displayName} · ${client.caseNumber}` }).click();
  const panel = page.getByTestId('client-panel');
  await expect(panel.getByTestId('client-name')).toHaveText(client.displayName);
  await expect(panel).toContainText(client.caseNumber);
  await expect(panel).toContainText(client.territorialUnit);
  await expect(panel.getByTestId('client-devices').locator('li')).toHaveCount(
    client.deviceIds.length,
  );

  // Follow: as the client moves on, the map keeps them centred, and the trail grows.
  await panel.getByTestId('follow').check();
  const map = page.locator('.map');
  let moves = 0;
  let last = sim.state.lastPositions().find((p) => p.clientId === client.id)!;
  for (let minutes = 1; minutes <= 60 && moves < 3; minutes += 1) {
    sim.advanceTo(new Date(Date.now() + minutes * 60_000));
    const latest = sim.state.lastPositions().find((p) => p.clientId === client.id)!;
    if (latest.lat === last.lat && latest.lon === last.lon) continue;
    last = latest;
    moves += 1;
    await expect
      .poll(async () => {
        const [lat, lon] = ((await map.getAttribute('data-center')) ?? '0,0')
          .split(',')
          .map(Number);
        return Math.hypot(lat! - latest.lat, lon! - latest.lon);
      })
      .toBeLessThan(1e-4);
  }
  expect(moves).toBe(3);
  await expect
    .poll(async () => Number(await map.getAttribute('data-trail-points')), { timeout: 40_000 })
    .toBeGreaterThan(1);
  await page.screenshot({ path: test.info().outputPath('map-client.png'), fullPage: true });
});

test('a tile server that does not answer falls back to the offline basemap, with a notice', async ({
  page,
}) => {
  await page.goto(headless.url);
  await signIn(page);
  // A port nothing listens on.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Tile server URL').fill('http://127.0.0.1:9/{z}/{x}/{y}.png');
  await page.getByTestId('map-settings').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('map-settings').getByRole('status')).toHaveText('Saved');
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
  await expect(page.getByTestId('tile-fallback')).toBeVisible();
  // The offline basemap (Natural Earth's countries) is drawn underneath.
  await expect(page.locator('.map')).toHaveAttribute('data-basemap', 'offline');
  await page.screenshot({ path: test.info().outputPath('map-fallback.png'), fullPage: true });
});
