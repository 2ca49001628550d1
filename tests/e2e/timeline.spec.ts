import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contactedAndResolved, workAlert } from '../../electron/core/simulator/simulated-referent';
import { expect, signIn, startConsoleOnSimulator, test } from './fixtures/headless-console';

const MINUTE = 60_000;

async function download(page: Page, name: string, dir: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

const cursorAt = async (page: Page) =>
  Date.parse((await page.getByTestId('replay-cursor').getAttribute('datetime'))!);

const verify = (file: string) =>
  spawnSync('npx', ['tsx', 'electron/core/reports/evidence-verify-cli.ts', file], {
    encoding: 'utf8',
  });

test('a supervisor reviews a resolved alert: timeline, replay at 60x, next event, evidence', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const now = Date.now();
  // The service ran for three hours before this console first connected 20 minutes ago.
  const run = await startConsoleOnSimulator(
    { clients: 30, seed: 21, start: new Date(now - 3 * 60 * MINUTE) },
    new Date(now - 20 * MINUTE),
  );
  const dir = mkdtempSync(join(tmpdir(), 'sargs-e2e-timeline-'));
  try {
    await page.goto(run.headless.url);
    await signIn(page, 'supervisor1');
    // Raised and worked by a referent while this console is connected: it is in the cache.
    const client = [...run.sim.state.clients.values()][3]!;
    const raised = run.sim.state.at(now - 15 * MINUTE, () =>
      run.sim.raise({ clientId: client.id, type: 'inclusion_exit', severity: 'high' }),
    );
    workAlert(run.sim.state, raised.id, 'referent1', contactedAndResolved('at home, asleep'));
    run.sim.advanceTo(new Date(now));
    await page.evaluate((id) => (window.location.hash = `#/clients/${id}`), client.id);
    const line = page.locator(`[data-testid="file-alert"][data-alert="${raised.id}"]`);
    await expect(line).toContainText('client_contacted', { timeout: 20_000 });
    await line.getByTestId('timeline-link').click();

    const list = page.getByTestId('timeline-list');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(client.caseNumber);
    await expect(list).toContainText('Left inclusion zone raised');
    // The cursor starts at the alert; the window's first 40 minutes are older than the cache.
    expect(Math.abs((await cursorAt(page)) - Date.parse(raised.raisedAt))).toBeLessThan(MINUTE);
    await page.getByRole('button', { name: 'Fetch the older part' }).click();
    await expect(page.getByTestId('timeline-sources')).toContainText('History fetched', {
      timeout: 20_000,
    });

    // Play at 60x: the cursor moves a minute of the window per second of wall time.
    const before = await cursorAt(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const moved = (await cursorAt(page)) - before;
    expect(moved).toBeGreaterThan(60 * 1_000);
    expect(moved).toBeLessThanOrEqual((Date.now() - started) * 60 + 1_000);

    // Step to the next event: the cursor lands on it and the list marks that row.
    const from = await cursorAt(page);
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => cursorAt(page)).toBeGreaterThan(from);
    await expect(list.locator('.at-cursor')).not.toHaveClass(/kind-position/);

    // Evidence: the PDF names the case and every alert of the window, and verifies.
    const pdf = await download(page, 'Evidence PDF', dir);
    await expect(page.getByTestId('export-hash')).toContainText('SHA-256');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain(client.caseNumber);
    const from0 = Date.parse(raised.raisedAt) - 60 * MINUTE;
    const to0 = Date.parse(raised.raisedAt) + 60 * MINUTE;
    const inWindow = [...run.sim.state.alerts.values()].filter(
      (a) =>
        a.clientId === client.id && Date.parse(a.raisedAt) >= from0 && Date.parse(a.raisedAt) < to0,
    );
    expect(inWindow.length).toBeGreaterThan(0);
    for (const alert of inWindow) expect(text).toContain(alert.id);
    expect(verify(pdf).status).toBe(0);
    const bytes = readFileSync(pdf);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0x20;
    const changed = join(dir, 'changed.pdf');
    writeFileSync(changed, bytes);
    const rejected = verify(changed);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('REJECTED');

    const csv = readFileSync(await download(page, 'Raw rows (CSV)', dir), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('at_utc,id,lat,lon,accuracy_m,source_or_event,operator,text');
    expect(csv).toContain(raised.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await run.stop();
  }
});
