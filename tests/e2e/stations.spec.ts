import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachEmulator } from '../../electron/core/stations/emulator/attach';
import { PtyPair } from '../../electron/core/stations/emulator/pty-pair';
import { expect, signIn, startConsoleOnSimulator, test } from './fixtures/headless-console';
import { downloadedPdfText } from './fixtures/pdf-download';

test('a technician commissions a station over a pty to a signed report and its PDF', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const run = await startConsoleOnSimulator({ clients: 40, seed: 14 }, new Date());
  const dir = mkdtempSync(join(tmpdir(), 'sargs-e2e-station-'));
  const pty = new PtyPair(join(dir, 'console'), join(dir, 'station'));
  await pty.plug();
  const station = await attachEmulator(pty.stationPath, { serial: 'HMU2-E2E001', rfTestMs: 300 });
  try {
    const client = [...run.sim.state.clients.values()].find(
      (c) => c.supervisionType === 'home_detention',
    )!;
    const tags = [...run.sim.state.devices.values()].filter(
      (d) => d.clientId === client.id && (d.kind === 'rf_tag' || d.kind === 'gps_tag'),
    );
    await page.goto(run.headless.url);
    await signIn(page, 'technician1');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Stations|Stacijas/ })
      .click();

    await page.getByTestId('port-path').fill(pty.consolePath);
    await page.getByTestId('port-connect').click();
    await expect(page.getByTestId('station-identity')).toContainText('HMU2-E2E001');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'open');

    await page.getByTestId('client-search').fill(tags[0]!.serial);
    await page.getByTestId('client-pick').first().click();
    await expect(page.getByTestId('wizard')).toBeVisible();
    for (const step of ['identity', 'status', 'clock']) {
      await page.getByTestId(`run-${step}`).click();
      await expect(page.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'done');
    }
    await expect(page.getByTestId('status-checks')).toContainText(/Mains power/);
    await page.getByTestId('run-config').click();
    await expect(page.getByTestId('step-config')).toHaveAttribute('data-status', 'done');
    await page.getByTestId('run-pair').click();
    await expect(page.getByTestId('step-pair')).toHaveAttribute('data-status', 'done');
    await page.getByTestId('run-range').click();
    // The live chart fills while the station reports each tag it hears.
    await expect(page.getByTestId('rssi-chart')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('step-range')).toHaveAttribute('data-status', 'done', {
      timeout: 15_000,
    });
    await page.getByTestId('run-home').click();
    await expect(page.getByTestId('home-distance')).toContainText(
      /m from the registered home address/,
    );

    await page.getByTestId('sign-report').click();
    await expect(page.getByTestId('signed')).toContainText('Signed by');
    const text = await downloadedPdfText(page, 'report-pdf', dir);
    expect(text).toContain('HMU2-E2E001');
    for (const tag of tags) expect(text).toContain(tag.serial);
    expect(station.emulator.state.paired.sort()).toEqual(tags.map((t) => t.serial).sort());

    // The raw terminal: a refusal in the technician's words, and the sentence log.
    await page.getByTestId('tab-terminal').click();
    await page.getByTestId('terminal-command').fill('UNPAIR,TAG-NOPE');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('terminal-answer')).toHaveText(
      'The tag is not paired with this station.',
    );
    await expect(page.getByTestId('sentence-log')).toContainText('UNPAIR,TAG-NOPE');
    await page.getByTestId('tab-devices').click();
    await page.getByTestId('devices-filter').fill(tags[0]!.serial);
    await expect(page.getByTestId('device-row')).toHaveCount(1);
    await expect(page.getByTestId('device-row')).toContainText(client.displayName);
  } finally {
    await station.close();
    await pty.unplug();
    await run.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the training console offers a virtual station; a referent has no Stations section', async ({
  page,
  headlessConsole,
}) => {
  await page.goto(headlessConsole.url);
  await signIn(page, 'referent1');
  await expect(page.getByRole('navigation').getByRole('link', { name: /Stations/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Sign out/ }).click();
  await signIn(page, 'technician1');
  await page.evaluate(() => (window.location.hash = '#/stations'));
  await page.getByTestId('port-select').selectOption('virtual:training');
  await page.getByTestId('port-connect').click();
  await expect(page.getByTestId('station-identity')).toContainText('HMU2-TRAIN1');
  await expect(page.getByTestId('link-counters')).toContainText(/Lines: \d+ good/);
});
