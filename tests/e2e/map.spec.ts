import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildBasemap } from '../../scripts/basemap/build-basemap';
import { STATE_COLORS } from '../../renderer/src/features/map/client-sprites';
import { isNear, pixelAt } from './fixtures/pixel';
import { cacheFileFor } from '../../electron/core/db/cache-file';
import { distanceM } from '../../shared/geo/distance';
import type { Simulator } from '../../electron/core/simulator/simulator';
import type { Position } from '../../shared/central/records';
import type { Drained } from '../soak/soak-pages';
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

// The world is produced up to the wall clock, while its own clock (`sim.now()`) runs from its start,
// three hours behind: the tests move it on from `Date.now()`.
test.beforeEach(async () => {
  const now = Date.now();
  ({ sim, headless, stop } = await startConsoleOnSimulator(
    { clients: 150, seed: 8, start: new Date(now - 3 * HOUR) },
    new Date(now),
  ));
});

test.afterEach(() => stop());

/**
 * Whether nobody else's last fix is within 200 m of this one: a test that reads a client's colour
 * at the map's centre takes such a client. By day (07:00–14:00 UTC) the world's first client had
 * another within 2–25 m, whose mark lay over theirs there at times.
 */
function alone(fix: Position): boolean {
  return sim.state
    .lastPositions()
    .every((other) => other.clientId === fix.clientId || distanceM(fix, other) > 200);
}

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
  // Nobody else is near them, so that their dot is all there is at the map's centre.
  const since = Date.now() - 2 * HOUR;
  const [clientId] = [...sim.state.positions].find(([, fixes]) => {
    const recent = fixes.filter((p) => Date.parse(p.at) >= since);
    return new Set(recent.map((p) => p.lat)).size > 5 && alone(fixes.at(-1)!);
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
  // Drawn once while the map stands still: the page renders again with its clock and each change
  // (here an alert), and a restyled basemap would repaint every country on its canvas each time.
  const basemap = page.locator('.leaflet-offline-basemap-pane canvas');
  await basemap.evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const fill = context.fill.bind(context);
    canvas.dataset.fills = '0';
    context.fill = ((...args: Parameters<typeof fill>) => {
      canvas.dataset.fills = String(Number(canvas.dataset.fills) + 1);
      fill(...args);
    }) as typeof context.fill;
  });
  const [client] = [...sim.state.clients.values()];
  sim.raise({ clientId: client!.id, type: 'battery_low', severity: 'medium' });
  // The page's clock ticks every 5 s: at least one render of its own besides the alert's.
  await page.waitForTimeout(5500);
  expect(await basemap.getAttribute('data-fills')).toBe('0');
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
  // A client with nobody else near: centred, their dot is all there is at the map's centre.
  const client = sim.state.lastPositions().find(alone);
  if (!client) throw new Error('every client of the world has another within 200 m');
  const centre = async (): Promise<string> => {
    // Once the map has its clients, a link centres it on this one.
    await expect(page.getByTestId('map-count')).not.toHaveAttribute('data-count', '0');
    await page.evaluate(
      (id) => (window.location.hash = `#/map?client=${id}&n=${Math.random()}`),
      client.clientId,
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

test('where each client is drawn, a frame redraws only what changed, and leaves the canvas as a whole redraw would', async ({
  page,
}) => {
  // With the page's probe on: it tells which fixes it has drawn (see everythingDrawn).
  await page.goto(headless.url.replace('/#', '/?probe=1#'));
  await signIn(page);
  await expect(page.getByTestId('map-count')).not.toHaveAttribute('data-count', '0');
  // The street with the most clients around it: many sprites to overlap and to move.
  const fixes = sim.state.lastPositions();
  const near = (a: { lat: number; lon: number }) =>
    fixes.filter((b) => Math.hypot(a.lat - b.lat, (a.lon - b.lon) * 0.55) < 0.012).length;
  const busiest = fixes.reduce((best, fix) => (near(fix) > near(best) ? fix : best));
  await page.evaluate((id) => (window.location.hash = `#/map?client=${id}`), busiest.clientId);
  await expect(page.getByTestId('client-panel')).toBeVisible();
  const canvas = page.locator('canvas.client-layer');
  const frames = async () => {
    const [whole, changes] = ((await canvas.getAttribute('data-frames')) ?? '0 whole, 0 changes')
      .split(', ')
      .map((part) => Number.parseInt(part, 10));
    return { whole: whole!, changes: changes! };
  };
  /** Waits until the layer has drawn everything it was told of (no new frame for a second). */
  const settled = async () => {
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await frames());
          const same = now === last;
          last = now;
          return same;
        },
        { intervals: [1000], timeout: 30_000 },
      )
      .toBe(true);
  };
  /**
   * Waits until the page has drawn everything the service has sent. A fix sent last (from where its
   * client already is, a moment after every other) is drawn only after all that came before it;
   * a second one, sent once the first is drawn, also covers the alerts the core sent along with
   * the first. A second without new frames was not enough: on a busy machine the walk's last fixes
   * came later than that, and were drawn after the canvas was kept.
   */
  const everythingDrawn = async () => {
    const drawn = new Set<number>();
    for (let marker = 0; marker < 2; marker += 1) {
      const fixes = sim.state.lastPositions();
      const last = fixes.reduce((a, b) => (Date.parse(a.at) >= Date.parse(b.at) ? a : b));
      const at = new Date(Date.parse(last.at) + 1000).toISOString();
      sim.state.addPosition({ ...last, id: sim.state.nextId('pos'), at, receivedAt: at });
      await expect
        .poll(async () => {
          const { fixes: times } = await page.evaluate(() =>
            (window as unknown as { sargsProbe: { drain(): Drained } }).sargsProbe.drain(),
          );
          for (let i = 0; i < times.length; i += 2) drawn.add(times[i]!);
          return drawn.has(Date.parse(at));
        })
        .toBe(true);
    }
  };
  /** Keeps the canvas's pixels in the page under a name. */
  const keep = (name: string) =>
    page.evaluate((key) => {
      const layer = document.querySelector<HTMLCanvasElement>('canvas.client-layer')!;
      const pixels = layer.getContext('2d')!.getImageData(0, 0, layer.width, layer.height).data;
      ((window as unknown as Record<string, unknown>)[key] as unknown) = pixels;
    }, name);
  /**
   * Pixels that differ between two kept canvases by more than a trace (each channel weighed by its
   * pixel's opacity, as it shows): Skia antialiases the selected client's ring a shade differently
   * when it is drawn under a clip (±5 of 255 at its edge); a mark missing, doubled or cut differs
   * by far more.
   */
  const differing = (a: string, b: string) =>
    page.evaluate(
      ([x, y]) => {
        const held = window as unknown as Record<string, Uint8ClampedArray>;
        const [one, two] = [held[x!]!, held[y!]!];
        if (one.length !== two.length) return -1;
        let count = 0;
        for (let i = 0; i < one.length; i += 4) {
          let most = Math.abs(one[i + 3]! - two[i + 3]!);
          for (let c = 0; c < 3; c += 1)
            most = Math.max(
              most,
              Math.abs(one[i + c]! * one[i + 3]! - two[i + c]! * two[i + 3]!) / 255,
            );
          if (most > 16) count += 1;
        }
        return count;
      },
      [a, b],
    );

  // Out to the widest zoom that still draws each client: the most marks, overlapping.
  await settled();
  for (let zoom = 15; zoom > 13; zoom -= 1) {
    await page.locator('.leaflet-control-zoom-out').click();
    await expect(page.locator('.map')).toHaveAttribute('data-zoom', String(zoom - 1));
  }
  await settled();
  await keep('first');
  const before = await frames();
  // The clients walk on: frames after their fixes draw only the changes.
  for (let minutes = 1; minutes <= 20; minutes += 1) {
    sim.advanceTo(new Date(Date.now() + minutes * 60_000));
    await page.waitForTimeout(150);
  }
  await everythingDrawn();
  await keep('changed');
  const after = await frames();
  expect(after.whole).toBe(before.whole);
  expect(after.changes).toBeGreaterThan(before.changes);
  expect(await differing('first', 'changed')).toBeGreaterThan(0);

  // A drag there and back ends where it began; each end of a move draws the canvas whole.
  const map = page.locator('.map');
  const centre = await map.getAttribute('data-center');
  const box = (await map.boundingBox())!;
  const [x, y] = [Math.round(box.x + box.width / 3), Math.round(box.y + box.height / 2)];
  for (const dx of [90, -90]) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y, { steps: 9 });
    await page.waitForTimeout(300); // still: no inertia when let go
    await page.mouse.up();
  }
  await expect(map).toHaveAttribute('data-center', centre!);
  await settled();
  expect((await frames()).whole).toBeGreaterThan(after.whole);
  await keep('whole');
  expect(await differing('changed', 'whole')).toBe(0);
});
