import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildBasemap } from '../../scripts/basemap/build-basemap';
import { STATE_COLORS } from '../../renderer/src/features/map/client-sprites';
import { isNear, pixelAt } from './fixtures/pixel';
import { cacheFileFor } from '../../electron/core/db/cache-file';
import type { Simulator } from '../../electron/core/simulator/simulator';
import {
  expect,
  signIn,
  startConsoleOnSimulator,
  switchOperator,
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
  // The map centres on them, drawn above the basemap: the middle of the map shows their dot.
  const box = (await page.locator('.map').boundingBox())!;
  await expect
    .poll(async () =>
      isNear(
        await pixelAt(page, box.x + box.width / 2, box.y + box.height / 2),
        Object.values(STATE_COLORS),
      ),
    )
    .toBe(true);

  // Follow: as the client moves on, the map keeps them centred, and the trail grows.
  await panel.getByTestId('follow').check();
  const map = page.locator('.map');
  let moves = 0;
  let last = sim.state.lastPositions().find((p) => p.clientId === client.id)!;
  // Up to a simulated day: a client may have just come home for the night (the test runs at any
  // hour; at 17:00 in Rīga one stayed put for more than ten hours, at a base station's fixed point).
  for (let minutes = 1; minutes <= 24 * 60 && moves < 3; minutes += 1) {
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
  // The centre's tile server is an administrator's to set; a referent then opens the map.
  await signIn(page, 'admin1');
  // A port nothing listens on.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Tile server URL').fill('http://127.0.0.1:9/{z}/{x}/{y}.png');
  await page.getByTestId('map-settings').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('map-settings').getByRole('status')).toHaveText('Saved');
  await switchOperator(page, 'referent1');
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
  await expect(page.getByTestId('tile-fallback')).toBeVisible();
  // The offline basemap (Natural Earth's countries) is drawn underneath.
  await expect(page.locator('.map')).toHaveAttribute('data-basemap', 'offline');
  await page.screenshot({ path: test.info().outputPath('map-fallback.png'), fullPage: true });
});

test('a local PMTiles basemap is drawn from the file set in Settings; a missing file falls back', async ({
  page,
}) => {
  const file = join(headless.dataDir, 'baltic.pmtiles');
  writeFileSync(file, buildBasemap(8));
  await page.goto(headless.url);
  await signIn(page, 'admin1');
  const settings = page.getByTestId('map-settings');
  const saveBasemap = async (path: string): Promise<void> => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Folder basemap files may be read from').fill(headless.dataDir);
    await page.getByLabel('Basemap file (PMTiles) on this computer').fill(path);
    await settings.getByRole('button', { name: 'Save' }).click();
  };
  await saveBasemap('maps/baltic.pmtiles');
  await expect(settings.getByRole('status')).toContainText('absolute path to a .pmtiles file');

  await saveBasemap(file);
  await expect(settings.getByRole('status')).toHaveText('Saved');
  await switchOperator(page, 'referent1');
  await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
  await expect
    .poll(async () => Number(await page.locator('.map').getAttribute('data-pmtiles-tiles')))
    .toBeGreaterThan(0);
  await expect(page.getByTestId('pmtiles-fallback')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('map-pmtiles.png'), fullPage: true });

  rmSync(file);
  await page.reload();
  await expect(page.getByTestId('pmtiles-fallback')).toContainText('cannot be used');
  await expect(page.locator('.map')).toHaveAttribute('data-basemap', 'offline');
});

test('a link from an alert centres the map on where the alert happened and selects the client', async ({
  page,
}) => {
  const [client] = [...sim.state.clients.values()];
  // Somewhere the client is not: the alert's position, not the client's, is what the map shows.
  const at = { lat: 56.5047, lon: 21.0108 };
  await page.goto(headless.url);
  await signIn(page);
  await expect(page.getByTestId('map-count')).not.toHaveAttribute('data-count', '0');
  await page.evaluate(
    ([id, lat, lon]) => (window.location.hash = `#/map?client=${id}&at=${lat},${lon}`),
    [client!.id, at.lat, at.lon] as const,
  );
  await expect(page.getByTestId('client-panel').getByTestId('client-name')).toHaveText(
    client!.displayName,
  );
  await expect
    .poll(async () => {
      const [lat, lon] = ((await page.locator('.map').getAttribute('data-center')) ?? '0,0')
        .split(',')
        .map(Number);
      return Math.hypot(lat! - at.lat, lon! - at.lon);
    })
    .toBeLessThan(1e-4);
});

test('the operator’s theme reaches the map: a client’s dot is drawn in the high-contrast colours', async ({
  page,
}) => {
  await page.goto(headless.url);
  await signIn(page);
  const [client] = [...sim.state.lastPositions()];
  const centre = async (): Promise<string> => {
    // Once the map has its clients, a link centres it on this one.
    await expect(page.getByTestId('map-count')).not.toHaveAttribute('data-count', '0');
    await page.evaluate(
      (id) => (window.location.hash = `#/map?client=${id}&n=${Math.random()}`),
      client!.clientId,
    );
    const box = (await page.locator('.map').boundingBox())!;
    return pixelAt(page, box.x + box.width / 2, box.y + box.height / 2);
  };
  const stateColours = () =>
    page.evaluate(() =>
      ['critical', 'alert', 'stale', 'ok'].map((state) =>
        getComputedStyle(document.documentElement).getPropertyValue(`--map-client-${state}`).trim(),
      ),
    );
  // A loaded 2-core machine may take a few frames to draw at street zoom.
  await expect
    .poll(async () => isNear(await centre(), Object.values(STATE_COLORS)), { timeout: 15_000 })
    .toBe(true);

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('contrast');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  const contrast = await stateColours();
  expect(contrast).not.toEqual(Object.values(STATE_COLORS));
  await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
  await expect.poll(async () => isNear(await centre(), contrast), { timeout: 15_000 }).toBe(true);
  await page.screenshot({ path: test.info().outputPath('map-contrast.png'), fullPage: true });
});

/** A 1×1 PNG, what the WMS service below answers to every GetMap. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('at street zoom the map says when it has only the outlines; a WMS service set in Settings draws the streets', async ({
  page,
}) => {
  // A WMS service on this machine, keeping the requests it gets.
  const asked: URLSearchParams[] = [];
  const wms = createServer((request, response) => {
    asked.push(new URL(request.url ?? '/', 'http://wms').searchParams);
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(PIXEL_PNG);
  });
  await new Promise<void>((resolve) => wms.listen(0, '127.0.0.1', resolve));
  const wmsUrl = `http://127.0.0.1:${(wms.address() as AddressInfo).port}/geoserver/ows`;
  try {
    const [client] = [...sim.state.lastPositions()];
    const toClient = async (): Promise<void> => {
      await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
      await expect(page.getByTestId('map-count')).not.toHaveAttribute('data-count', '0');
      await page.evaluate(
        (id) => (window.location.hash = `#/map?client=${id}&n=${Math.random()}`),
        client!.clientId,
      );
    };
    await page.goto(headless.url);
    await signIn(page);
    await toClient();
    await expect(page.getByTestId('offline-only')).toBeVisible();

    await switchOperator(page, 'admin1');
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const settings = page.getByTestId('map-settings');
    await settings.getByLabel('WMS service URL').fill(wmsUrl);
    await settings.getByLabel('WMS layers (comma-separated)').fill('lv_streets');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByRole('status')).toHaveText('Saved');

    await switchOperator(page, 'referent1');
    await page.reload(); // the page's CSP admits the new server from its next load
    await toClient();
    await expect
      .poll(() => asked.filter((q) => q.get('request') === 'GetMap').length)
      .toBeGreaterThan(0);
    expect(asked.find((q) => q.get('request') === 'GetMap')?.get('layers')).toBe('lv_streets');
    await expect(page.getByTestId('offline-only')).toHaveCount(0);
    await expect(page.getByTestId('tile-fallback')).toHaveCount(0);
  } finally {
    wms.close();
  }
});
