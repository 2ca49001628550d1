import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raiseAlert } from '../../electron/core/simulator/raise-alert';
import {
  expect,
  signIn,
  startConsoleOnSimulator,
  switchOperator,
  test,
} from './fixtures/headless-console';
import { downloadedPdfText } from './fixtures/pdf-download';

test('a shift from start to a handover accepted by another referent, with the journal and the report', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const run = await startConsoleOnSimulator({ clients: 30, seed: 41 }, new Date());
  const dir = mkdtempSync(join(tmpdir(), 'sargs-e2e-shift-'));
  try {
    const client = [...run.sim.state.clients.values()][3]!;
    const alert = run.sim.state.at(Date.now(), () =>
      raiseAlert(
        run.sim.state,
        {
          clientId: client.id,
          deviceId: null,
          zoneId: null,
          type: 'curfew_violation',
          severity: 'high',
        },
        null,
      ),
    );
    await page.goto(run.headless.url);
    await signIn(page, 'referent1');
    await page.getByRole('navigation').getByRole('link', { name: 'Shifts' }).click();
    await page.getByTestId('shift-start').click();
    await expect(page.getByTestId('shift-started')).toContainText('on duty');

    await page.getByTestId('entry-text').fill('Nakts maiņa sākas mierīgi, Rīgā bez incidentiem');
    await page.getByTestId('entry-add').click();
    await expect(page.getByTestId('journal-entry')).toHaveCount(1);
    await expect(page.getByTestId('journal-entry').first()).not.toContainText(
      'waiting to be sent',
      { timeout: 10_000 },
    );

    // From the alert: the form opens with the alert and its client filled in.
    await page.evaluate((id) => (window.location.hash = `#/alerts?alert=${id}`), alert.id);
    await page.getByTestId('alert-journal-link').click();
    await expect(page.getByTestId('entry-refs')).toContainText(alert.id);
    await expect(page.getByTestId('entry-refs')).toContainText(client.displayName);
    await page.getByTestId('entry-text').fill('Zvanīju klientam par komandantstundu');
    await page.getByTestId('entry-add').click();
    await expect(page.getByTestId('journal-entry')).toHaveCount(2);

    // A correction stands under the entry it corrects.
    await page.getByTestId('journal-correct').first().click();
    await expect(page.getByTestId('journal-correcting')).toBeVisible();
    await page.getByTestId('entry-text').fill('Labojums: viens zvans bez atbildes');
    await page.getByTestId('entry-add').click();
    await expect(page.locator('.journal-entry.correction')).toHaveCount(1, { timeout: 10_000 });

    // The draft lists exactly the alerts not resolved.
    await page.getByTestId('handover-draft').click();
    const unresolved = [...run.sim.state.alerts.values()]
      .filter((a) => a.state !== 'resolved')
      .map((a) => a.id)
      .sort();
    await expect(page.getByTestId('draft-alert')).toHaveCount(unresolved.length);
    const drafted = await page
      .getByTestId('draft-open')
      .getByTestId('draft-alert')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert')));
    expect(drafted.sort()).toEqual(unresolved);
    await page.getByTestId('handover-sign').click();
    await expect(page.getByTestId('handover-signed')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('handover-banner')).toBeVisible();
    await expect(page.getByTestId('same-operator')).toBeVisible();

    await switchOperator(page, 'referent2');
    await page.getByRole('navigation').getByRole('link', { name: 'Shifts' }).click();
    await expect(page.getByTestId('handover-summary')).toContainText(
      alert.id.length > 0 ? 'Not resolved' : '',
    );
    await page.getByTestId('handover-accept').click();
    await expect(page.getByTestId('shift-start')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('handover-banner')).toHaveCount(0);

    // History: search without case or diacritics.
    await page.getByTestId('shift-tab-history').click();
    await page.getByTestId('journal-search').fill('RIGA');
    await page.getByTestId('journal-search-run').click();
    await expect(page.getByTestId('journal-hit')).toHaveCount(1);
    await expect(page.getByTestId('journal-hit')).toContainText('Rīgā');

    // A supervisor's report of the shift, as a PDF.
    await switchOperator(page, 'supervisor1');
    await page.evaluate(() => (window.location.hash = '#/shifts?tab=report'));
    await expect(page.getByTestId('report-claim')).toBeVisible();
    const text = await downloadedPdfText(page, 'report-pdf', dir);
    expect(text).toContain('Shift report');
    expect(text).toContain('Nakts maiņa sākas mierīgi');
  } finally {
    await run.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
