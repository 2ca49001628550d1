import type { Page } from '@playwright/test';
import { offsetM } from '../../shared/geo/distance';
import { distanceM } from '../../shared/geo/distance';
import {
  consoleOnSimulatorPerTest,
  expect,
  signedInPage,
  startHeadlessConsole,
  test,
} from './fixtures/headless-console';

// Zones drawn by a supervisor on the map, sent through the outbox, judged by the service from then
// on; schedules with exceptions; a referent is offered no editor and the core refuses them.

const world = consoleOnSimulatorPerTest(
  // Its last half hour lived, its clock now.
  () => ({ clients: 60, seed: 7, livedHours: 0.5 }),
  () => new Date(),
);

/** A client with a fix, and a point `metres` east of it (where the map is centred for drawing). */
function aClient(metres: number) {
  const fix = world.sim.state.lastPositions()[0]!;
  const client = world.sim.state.clients.get(fix.clientId)!;
  return { client, fix, spot: offsetM(fix, 90, metres) };
}

/** The map of a client, centred on `spot` at street zoom. */
async function mapAt(page: Page, clientId: string, spot: { lat: number; lon: number }) {
  await page.evaluate(
    ([id, lat, lon]) => (window.location.hash = `#/map?client=${id}&at=${lat},${lon}`),
    [clientId, spot.lat, spot.lon] as const,
  );
  await expect(page.getByTestId('client-panel')).toBeVisible();
}

test('a supervisor draws an exclusion zone; a trip into it raises exclusion_entry on a second console', async ({
  newPage,
}) => {
  const { sim, headless } = world;
  const second = await startHeadlessConsole(['--central', sim.url]);
  try {
    const { client, spot } = aClient(800);
    const supervisor = await signedInPage(newPage, headless, 'supervisor1');
    await mapAt(supervisor, client.id, spot);
    await supervisor.getByTestId('zone-add').click();
    const editor = supervisor.getByTestId('zone-editor');
    await expect(editor.getByTestId('zone-problems')).toContainText('Draw the area on the map.');
    // The circle tool is on: a click at the map's centre for the middle, one 40 px east for the edge.
    const box = (await supervisor.locator('.map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await supervisor.mouse.click(cx, cy);
    await supervisor.mouse.move(cx + 20, cy);
    await supervisor.mouse.click(cx + 40, cy);
    const shape = editor.getByTestId('zone-shape');
    await expect(shape).toContainText('Circle');
    // Where the editor says the circle is (what the supervisor sees) is what the service gets.
    const [, drawnLat, drawnLon] = /around (-?[\d.]+), (-?[\d.]+)/
      .exec((await shape.textContent()) ?? '')!
      .map(Number);
    await expect(supervisor.locator('path.zone-draft')).toHaveCount(1);
    await editor.getByLabel('Name').fill('No-go street (drill)');
    // A warning band as wide as the zone is refused before anything is sent.
    await editor.getByLabel('Warning band (m)').fill('500');
    await expect(editor.getByTestId('zone-problems')).toContainText('as wide as the zone');
    await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
    await editor.getByLabel('Warning band (m)').fill('30');
    await expect(editor.getByTestId('zone-problems')).toHaveCount(0);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByTestId('zone-save-state')).toHaveAttribute('data-state', 'saved');

    const zone = [...sim.state.zones.values()].find((z) => z.name === 'No-go street (drill)')!;
    expect(zone).toMatchObject({ clientId: client.id, kind: 'exclusion', bufferM: 30 });
    if (zone.geometry.type !== 'Circle') throw new Error('a circle was drawn');
    const [lon, lat] = zone.geometry.center;
    expect(distanceM({ lat, lon }, { lat: drawnLat!, lon: drawnLon! })).toBeLessThan(2);
    // Drawn at the middle of the map, which was centred on `spot`.
    expect(distanceM({ lat, lon }, spot)).toBeLessThan(400);
    expect(zone.geometry.radiusM).toBeGreaterThan(60);
    expect(zone.geometry.radiusM).toBeLessThan(160);

    // The referent on the second console: no editor offered, and the core refuses them anyway.
    const referent = await signedInPage(newPage, second, 'referent1');
    await mapAt(referent, client.id, spot);
    await expect(referent.getByTestId('client-zones')).toContainText('No-go street (drill)');
    await expect(referent.getByTestId('zone-add')).toHaveCount(0);
    await expect(referent.getByTestId('zone-edit')).toHaveCount(0);
    const refused = await fetch(`${second.origin}/rpc/zones.save`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${second.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...zone, id: undefined, version: undefined, updatedAt: undefined }),
    });
    expect(refused.status).toBe(403);

    // The client walks straight at it: flagged on the referent's map before the buffer is reached.
    const now = Date.now();
    for (let i = 0; i < 4; i += 1) {
      sim.visit(
        client.id,
        offsetM({ lat, lon }, 270, 700 - i * 100),
        new Date(now - (3 - i) * 60_000),
      );
      await referent.waitForTimeout(400);
    }
    await expect(referent.locator('path.approach-flag')).toHaveCount(1);

    // The client walks into it: the service raises the breach, the second console shows it.
    sim.visit(client.id, { lat, lon });
    const alert = [...sim.state.alerts.values()].find((a) => a.zoneId === zone.id)!;
    expect(alert).toMatchObject({ type: 'exclusion_entry', clientId: client.id });
    await referent.evaluate(() => (window.location.hash = '#/alerts'));
    await expect(
      referent.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`),
    ).toContainText('No-go street (drill)');
  } finally {
    await second.stop();
  }
});

test('an authorised absence stops a curfew alert that would otherwise be raised; a stale edit is refused with the zone as it stands', async ({
  newPage,
}) => {
  const { sim, headless } = world;
  const { client, fix, spot } = aClient(1500);
  const page = await signedInPage(newPage, headless, 'supervisor1');
  await mapAt(page, client.id, spot);
  await page.getByTestId('zone-add').click();
  const editor = page.getByTestId('zone-editor');
  // A curfew around the clock (midnight to noon, noon to midnight), drawn around `spot`.
  const box = (await page.locator('.map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2);
  await editor.getByLabel('Name').fill('Curfew (drill)');
  await editor.getByLabel('Kind').selectOption('inclusion');
  await editor.getByTestId('schedule-rules').check();
  const rules = editor.getByTestId('schedule-rule');
  await rules.nth(0).getByLabel('From').fill('00:00');
  await rules.nth(0).getByLabel('To').fill('12:00');
  await editor.getByRole('button', { name: 'Add a rule' }).click();
  await rules.nth(1).getByLabel('From').fill('12:00');
  await rules.nth(1).getByLabel('To').fill('00:00');
  await expect(rules.nth(1)).toContainText('runs past midnight');
  // A court hearing from an hour ago for two hours, authorised by the supervisor.
  const local = (ms: number) => {
    const at = new Date(ms);
    return new Date(ms - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  };
  const fresh = editor.getByTestId('exception-new');
  await fresh.getByLabel('From').fill(local(Date.now() - 3_600_000));
  await fresh.getByLabel('To').fill(local(Date.now() + 3_600_000));
  await fresh.getByLabel('Reason').fill('Court hearing');
  await fresh.getByLabel('Authorised by').fill('I. Kalniņa');
  await fresh.getByRole('button', { name: 'Authorised absence' }).click();
  await expect(editor.getByTestId('schedule-exception')).toContainText(
    'Court hearing (authorised: I. Kalniņa)',
  );
  await expect(editor.getByTestId('week-preview')).toContainText('Authorised absence');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByTestId('zone-save-state')).toHaveAttribute('data-state', 'saved');
  const zone = [...sim.state.zones.values()].find((z) => z.name === 'Curfew (drill)')!;
  expect(zone.schedule?.exceptions).toHaveLength(1);

  // Away from the curfew zone while the absence holds: nothing is raised.
  const curfewAlerts = () =>
    [...sim.state.alerts.values()].filter(
      (a) => a.zoneId === zone.id && a.type === 'curfew_violation',
    );
  sim.visit(client.id, fix);
  expect(curfewAlerts()).toHaveLength(0);

  // The supervisor opens it again; meanwhile another console renames it.
  await editor.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByTestId('client-zones')).toContainText('Curfew (drill)');
  await page
    .getByTestId('client-zones')
    .locator('li', { hasText: 'Curfew (drill)' })
    .getByTestId('zone-edit')
    .click();
  sim.state.update(sim.state.zones, 'zone', {
    ...sim.state.zones.get(zone.id)!,
    name: 'Curfew (renamed)',
  });
  await editor.getByTestId('schedule-exception').getByRole('button', { name: 'Remove' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  const outcome = editor.getByTestId('zone-save-state');
  await expect(outcome).toHaveAttribute('data-state', 'refused');
  await expect(outcome).toContainText('“Curfew (renamed)”, version 2');
  await outcome.getByRole('button', { name: 'Start again from the zone as it stands' }).click();
  await expect(editor.getByLabel('Name')).toHaveValue('Curfew (renamed)');
  await editor.getByTestId('schedule-exception').getByRole('button', { name: 'Remove' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(outcome).toHaveAttribute('data-state', 'saved');

  // Without the absence the same trip raises the curfew alert.
  sim.visit(client.id, offsetM(fix, 0, 50));
  expect(curfewAlerts()).toHaveLength(1);
  // The zone's history says who changed what.
  await editor.getByTestId('zone-history').locator('summary').click();
  await expect(editor.getByTestId('zone-version')).toHaveCount(3);
  await expect(editor.getByTestId('zone-version').first()).toContainText('by supervisor1');
  await expect(editor.getByTestId('zone-version').first()).toContainText('schedule');
  await expect(editor.getByTestId('zone-version').nth(1)).toContainText('made on another console');
});
