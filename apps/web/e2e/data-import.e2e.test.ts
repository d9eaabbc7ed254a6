import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const JOURNEY = 'Report a home-insurance claim';

const HEADER = 'response_id,submitted_at,nps_score,customer_id,journey,channel,segment,comment';

let server: AppServer;
let browser: Browser;
let page: Page;
let fixtures: string;
/** Calls to the ingestion API, counted from the browser's side. */
let ingestRequests = 0;

async function screenshot(name: string): Promise<void> {
  // From the top, so the sticky header and sidebar sit where they belong in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}import-${name}.png`, fullPage: true });
}

/** An NPS export as a survey tool writes one: quoted commas, accents, one journey by name. */
function npsCsv(rows: number, bad: Record<number, string> = {}): string {
  const lines = Array.from({ length: rows }, (_, i) => {
    const line = i + 2;
    const day = String((i % 28) + 1).padStart(2, '0');
    const comment = i % 3 === 0 ? '"Quick, and kind — très bien"' : i % 3 === 1 ? '"Said ""call back"" twice"' : '';
    return (
      bad[line] ??
      `resp-${String(i + 1).padStart(5, '0')},2026-03-${day}T09:${String(i % 60).padStart(2, '0')}:00Z,${i % 11},cust-${i % 400},${JOURNEY},web,home,${comment}`
    );
  });
  return `${HEADER}\n${lines.join('\n')}\n`;
}

function writeFixture(name: string, text: string): string {
  const path = join(fixtures, name);
  writeFileSync(path, text);
  return path;
}

async function selectedColumn(field: string): Promise<string> {
  return page.getByLabel(`Column for ${field}`).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
}

async function outcome(): Promise<string> {
  return (await page.locator('.import-run__outcome').textContent()) ?? '';
}

describe('importing a CSV export', () => {
  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'throughline-import-'));
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/trpc/ingest.')) ingestRequests += 1;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  it('signs in and opens Data import', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data import' }).click();
    await page.getByRole('heading', { name: 'Data import', level: 1 }).waitFor();
    await screenshot('01-empty');
  });

  it('proposes a mapping from the header and previews the first rows', async () => {
    await page.getByLabel('Source').fill('qualtrics-export');
    await page.locator('input[type=file]').setInputFiles(writeFixture('nps.csv', npsCsv(2_500)));
    await page.getByRole('heading', { name: '2. Columns' }).waitFor();

    expect(await selectedColumn('External id')).toBe('response_id');
    expect(await selectedColumn('Instrument')).toBe('Every row: nps');
    expect(await selectedColumn('Score')).toBe('nps_score');
    expect(await selectedColumn('Occurred at')).toBe('submitted_at');
    expect(await selectedColumn('Journey')).toBe('journey');
    expect(await selectedColumn('Verbatim')).toBe('comment');
    expect(await selectedColumn('Step')).toBe('— Not in this file —');

    const preview = page.getByRole('region', { name: '3. Preview' });
    await preview.getByText('No problems in these rows.').waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(10);
    await preview
      .getByRole('cell', { name: new RegExp(JOURNEY) })
      .first()
      .waitFor();
    await preview.getByText('Quick, and kind — très bien').first().waitFor();
    await screenshot('02-mapping-and-preview');
  });

  it('imports 2,500 rows in batches with the progress bar reaching 100%', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('region', { name: '4. Check and import' }).screenshot({ path: `${SCREENSHOTS}import-03-progress.png` });
    await expect.poll(outcome, { timeout: 60_000 }).toContain('2,500 stored');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await outcome()).toContain('0 duplicates');
    // 1,000 + 1,000 + 500.
    expect(ingestRequests).toBe(3);
    await screenshot('04-imported');
  });

  it('reports every row as a duplicate when the same file is imported again', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(outcome, { timeout: 60_000 }).toContain('0 stored, 2,500 duplicates');
    expect(await outcome()).toContain('this file has been imported before');
    await screenshot('05-duplicates');
  });

  it('lists the bad lines of a broken file and sends nothing', async () => {
    const before = ingestRequests;
    const bad = npsCsv(40, {
      5: 'resp-b5,2026-03-05T10:00:00Z,14,cust-1,Report a home-insurance claim,web,home,',
      31: 'resp-b31,31/03/2026,8,cust-2,No such journey,web,home,',
    });
    await page.locator('input[type=file]').setInputFiles(writeFixture('nps-broken.csv', bad));
    const preview = page.getByRole('region', { name: '3. Preview' });
    await preview.getByText('1 of them has a problem').waitFor();
    await preview.getByText('is outside the nps scale of 0–10 (14)').waitFor();

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(outcome, { timeout: 30_000 }).toContain('2 lines need fixing out of 40 rows; nothing was sent');
    const issues = page.getByRole('table', { name: 'Lines to fix before importing' });
    expect(await issues.getByRole('rowheader').allTextContents()).toEqual(['5', '31']);
    await issues.getByText('Score is outside the nps scale of 0–10 (14)').waitFor();
    await issues.getByText(/Occurred at is not a date such as 2026-03-14/).waitFor();
    await issues.getByText(/Journey names no journey of this organisation/).waitFor();
    expect(ingestRequests).toBe(before);
    await screenshot('06-bad-lines');
  });

  it('warns before sending when no column says which journey or step a row belongs to, and flags a line dated in the future', async () => {
    const before = ingestRequests;
    await page.getByLabel('Source').fill('qualtrics-no-journey');
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const csv = `response_id,submitted_at,nps_score,where\nj-1,2026-03-01T09:00:00Z,9,${JOURNEY}\nj-2,${nextWeek},7,${JOURNEY}\n`;
    await page.locator('input[type=file]').setInputFiles(writeFixture('nps-no-journey.csv', csv));
    const columns = page.getByRole('region', { name: '2. Columns' });
    const warning = columns.getByRole('status').filter({ hasText: 'No column says which journey or step each row belongs to.' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('no journey or step KPI will include them');
    expect(await selectedColumn('Journey')).toBe('— Not in this file —');

    const preview = page.getByRole('region', { name: '3. Preview' });
    await preview.getByText('1 of them has a problem').waitFor();
    await preview.getByText(/is in the future: .* is more than 5 minutes after the server's clock/).waitFor();
    await screenshot('08-no-journey-warning');

    // Choosing the column that names the journey takes the warning away.
    await page.getByLabel('Column for Journey').selectOption({ label: 'where' });
    await warning.waitFor({ state: 'detached' });
    expect(ingestRequests).toBe(before);
  });

  it('imports operational events with the other columns as attributes', async () => {
    await page.getByLabel('It holds').selectOption('operational');
    await page.getByLabel('Source').fill('contact-centre');
    const csv =
      'event_id,event_type,occurred_at,amount,region,vip\nev-1,contact,2026-03-01,12.5,North,true\nev-2,escalation,2026-03-02T08:00:00Z,,South,false\n';
    await page.locator('input[type=file]').setInputFiles(writeFixture('events.csv', csv));
    await page
      .getByRole('group', { name: 'Send the other columns as attributes' })
      .getByLabel(/region/)
      .waitFor();
    expect(await selectedColumn('Type')).toBe('event_type');
    await page.getByRole('region', { name: '3. Preview' }).getByText('region: North · vip: true').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(outcome, { timeout: 30_000 }).toContain('2 stored');
    await screenshot('07-operational');
  });
});
