import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

let server: AppServer;
let browser: Browser;
let page: Page;
let downloads: string;

/** The whole page, or only the viewport while a modal dialog is open over it. */
async function screenshot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}value-${name}.png`, fullPage });
}

/** "£138,240" → 138240. */
const pounds = (text: string) => Number(text.replace(/[£,\s]/g, ''));

describe('value: insights, failure points, the acid test and the scorecard', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    downloads = mkdtempSync(join(tmpdir(), 'throughline-value-e2e-'));
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('searches insights and marks the words that matched, keeping the search in the address', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    const count = page.locator('.insight-count');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/^\d+ insights, newest first\.$/);
    await screenshot('01-insights');

    // Stemmed: "chase" finds the verbatim that says "chasing".
    await page.getByRole('searchbox', { name: 'Search insights' }).fill('chase assessor');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe('chase assessor');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/^\d+ insights? match(es)? “chase assessor”\.$/);
    const verbatim = page.getByRole('listitem', { name: 'Three calls to find out when the assessor was coming' });
    await verbatim.waitFor();
    const marked = async () => (await verbatim.locator('mark').allTextContents()).map((m) => m.toLowerCase());
    await expect.poll(marked, { timeout: 15_000 }).toEqual(expect.arrayContaining(['chasing', 'assessor']));
    expect(await verbatim.textContent()).toMatch(/Verbatim.*Survey.*High confidence/);
    expect(await verbatim.getByRole('link', { name: 'Report a home-insurance claim' }).count()).toBe(1);
    await screenshot('02-insights-search');

    // The address carries the search: reloading shows the same results.
    await page.reload();
    expect(await page.getByRole('searchbox', { name: 'Search insights' }).inputValue()).toBe('chase assessor');
    await verbatim.locator('mark').first().waitFor();

    await page.getByRole('searchbox', { name: 'Search insights' }).fill('zebra crossing');
    await page.getByRole('heading', { name: 'No insight matches' }).waitFor();
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/newest first/);
  });

  it('adds an insight, with the API’s complaints shown beside their fields', async () => {
    await page.goto(`${server.url}/insights`);
    await expect.poll(() => page.locator('.insight-count').textContent(), { timeout: 15_000 }).toMatch(/newest first/);
    await page.getByRole('button', { name: 'Add insight' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an insight' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add insight' }).click();
    await dialog.getByText('Title is required').waitFor();
    await dialog.getByText('What was found is required').waitFor();
    await screenshot('03-insight-form-issues', false);

    await dialog.getByLabel('Kind').selectOption({ label: 'Verbatim' });
    await dialog.getByLabel('Title').fill('I never knew who had my claim');
    await dialog.getByLabel('What the customer said').fill('Every call was a different person and nobody owned my claim.');
    await dialog.getByLabel('Source').selectOption({ label: 'Frontline' });
    await dialog.getByLabel('Personas').fill('First-time claimant');
    await dialog.getByRole('group', { name: 'Journeys' }).getByLabel('Report a home-insurance claim').check();
    await dialog.getByRole('button', { name: 'Add insight' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “I never knew who had my claim”.' }).waitFor();
    const added = page.getByRole('listitem', { name: 'I never knew who had my claim' });
    await added.waitFor();
    expect(await added.textContent()).toMatch(/Verbatim.*Frontline.*Medium confidence/);

    // Editing carries the version it was loaded at; the card shows the change.
    await added.getByRole('button', { name: 'Edit “I never knew who had my claim”' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit insight' });
    await edit.getByLabel('Confidence').selectOption({ label: 'High confidence' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “I never knew who had my claim”.' }).waitFor();
    await expect.poll(() => added.textContent(), { timeout: 15_000 }).toMatch(/High confidence/);
  });

  it('ranks failure points by annual cost, as bars and as a table, each with its evidence', async () => {
    await page.goto(`${server.url}/insights/failure-points`);
    await page.getByRole('heading', { name: 'Failure points', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Failure points ranked by annual cost, costliest first' });
    await table.waitFor();
    const costs = (await table.locator('tbody .fp-table__cost').allTextContents()).map(pounds);
    expect(costs.length).toBeGreaterThanOrEqual(5);
    expect([...costs].sort((a, b) => b - a)).toEqual(costs);
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toMatch(/assessor/i);
    expect(await table.locator('thead').textContent()).toMatch(
      /Step.*Journey.*Expectation vs capability \(gap\).*Frequency.*Unit cost.*Annual cost.*Evidence/,
    );

    const chart = page.getByRole('img', { name: /^Annual cost of failure, costliest first: .*assessor.*£[\d,]+/ });
    await chart.waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(Math.min(costs.length, 12));

    // Each failure point shows the insights it rests on.
    await page.locator('.fp-card').first().locator('.fp-evidence__list li').first().waitFor();
    await screenshot('04-failure-points');
  });

  it('adds a failure point on a blueprint step, costs it, and marks it as resting on no evidence', async () => {
    await page.getByRole('button', { name: 'Add failure point' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a failure point' });
    await dialog.getByLabel('Journey').selectOption({ label: 'Report a home-insurance claim' });
    const step = dialog.getByLabel('Step');
    await expect.poll(() => step.isEnabled(), { timeout: 15_000 }).toBe(true);
    await step.selectOption({ label: 'Receive the settlement payment' });
    await dialog.getByLabel('Title').fill('Settlement paid to the wrong account');
    await dialog.getByLabel('Customer expectation').selectOption('5');
    await dialog.getByLabel('Operational capability').selectOption('3');
    await dialog.getByLabel('How often').fill('12');
    await dialog.getByLabel('Each occurrence is a').selectOption({ label: 'Compensation payment' });
    await dialog.getByLabel('Unit cost (£)').fill('250');
    // The annual cost is worked out as it is typed: 12 a month × £250 = £36,000 a year.
    await dialog.getByText('12 compensation payments a month × £250.00 each = £36,000 a year').waitFor();
    await dialog.getByRole('group', { name: 'KPIs it moves' }).getByLabel('Claims CSAT').check();
    await screenshot('05-failure-point-form', false);
    await dialog.getByRole('button', { name: 'Add failure point' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “Settlement paid to the wrong account”: £36,000 a year.' }).waitFor();

    const row = page
      .getByRole('table', { name: /^Failure points ranked/ })
      .getByRole('row', { name: /Settlement paid to the wrong account/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Receive the settlement payment.*5 vs 3 \(gap 2\).*£250\.00.*£36,000.*No evidence/);
    await page.getByRole('img', { name: /Settlement paid to the wrong account, £36,000 \(no evidence\)/ }).waitFor();
    const card = page.getByRole('listitem', { name: /Settlement paid to the wrong account/ });
    expect(await card.textContent()).toContain('No insight backs this up yet');
    await screenshot('06-failure-points-unevidenced');
  });

  it('traces each implemented initiative to its measured movement, and names the one that moved nothing', async () => {
    await page.goto(`${server.url}/acid-test`);
    await page.getByRole('heading', { name: 'Acid test', level: 1 }).waitFor();
    const renewal = page.getByRole('article', { name: 'Clearer price-change explanation at renewal' });
    const tracking = page.getByRole('article', { name: 'Online claim tracking page' });
    await renewal.waitFor();
    await tracking.waitFor();
    // KPI values exist only once the engine has run; the page says so and refreshes itself until then.
    const verdicts = async () => [
      await renewal.locator('.acid-entry__verdict').textContent(),
      await tracking.locator('.acid-entry__verdict').textContent(),
    ];
    await expect
      .poll(verdicts, { timeout: 200_000, interval: 2_000 })
      .toEqual(['Verdict: Improved', expect.stringMatching(/^Verdict: (Improved|Worsened|No measurable movement)$/)]);

    const summary = await page.locator('.acid-overview__summary').textContent();
    expect(summary).toMatch(/^\d+ implemented initiatives: \d+ moved (its KPI|their KPIs) significantly, .*\d+ did not/);

    // The chain, in order, from the insight to the measured movement.
    const chain = renewal.getByRole('list', { name: /^From insight to measured movement/ });
    const links = await chain.locator(':scope > li > .acid-chain__label').allTextContents();
    expect(links).toEqual(['Insight', 'Failure point', 'Initiative', 'Change', 'Measured movement']);
    expect(await chain.getByRole('link').count()).toBeGreaterThanOrEqual(3);

    // Before vs after with intervals, the difference with its interval and p-value, the verdict in words.
    const nps = renewal.locator('.acid-kpi', { hasText: 'Renewal NPS' });
    const plot = nps.getByRole('img', {
      name: /^Renewal NPS: before [+-]\d+\.\d \(95% CI [+-]\d+\.\d to [+-]\d+\.\d\), n = [\d,]+; after /,
    });
    await plot.waitFor();
    // A whisker for each side: two range bars, each spanning its interval.
    const whiskers = plot.locator('.recharts-bar-rectangle path');
    expect(await whiskers.count()).toBe(2);
    for (const box of await Promise.all((await whiskers.all()).map((w) => w.boundingBox()))) expect(box!.height).toBeGreaterThan(4);
    expect(await nps.locator('.acid-kpi__difference').textContent()).toMatch(
      /^\+\d+\.\d points \(95% CI \+\d+\.\d to \+\d+\.\d\), p (=|<) 0\.\d{3}$/,
    );
    // With less than a year of history and nobody held back, only before vs after can decide, and it says what it cannot rule out;
    // the time series' trend projection is shown for reference, and says so.
    expect(await nps.textContent()).toContain('Renewal NPS improved.');
    expect(await nps.locator('.acid-kpi__decided').textContent()).toMatch(
      /^Decided by: Only the naive before vs after, because .+ it cannot tell the change from the season/,
    );
    expect(await nps.locator('.counterfactual__title').textContent()).toContain('For reference: this design did not decide the verdict');
    const csat = tracking.locator('.acid-kpi', { hasText: 'Claims CSAT' });
    expect(await csat.locator('.acid-kpi__verdict').textContent()).toMatch(
      /Claims CSAT (improved|got worse)\.|No measurable movement in Claims CSAT\./,
    );
    await screenshot('07-acid-test');
  }, 260_000);

  it('shows the scorecard and downloads it as PDF and CSV', async () => {
    await page.goto(`${server.url}/scorecard`);
    await page.getByRole('heading', { name: 'Executive scorecard', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Across the organisation', level: 2 }).waitFor();
    const claims = page.getByRole('region', { name: 'Report a home-insurance claim', exact: true });
    await claims.getByRole('table', { name: /KPIs against target/ }).waitFor();
    expect(await claims.textContent()).toMatch(/Owner: Claims Experience/);
    await screenshot('08-scorecard');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^scorecard-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = join(downloads, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Its pages as pictures, to be looked at (poppler-utils).
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('value-scorecard-pdf'))) rmSync(join(SCREENSHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(SCREENSHOTS, 'value-scorecard-pdf')]);
    expect(readdirSync(SCREENSHOTS).filter((f) => /^value-scorecard-pdf-\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(1);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^scorecard-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(downloads, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const [header, ...rows] = readFileSync(csvPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toMatch(
      /^journey,owner,kpi,unit,period_start,period,period_complete,value,ci_low,ci_high,n,min_sample,target,status,status_label,trend,trend_test,to_date_period,/,
    );
    expect(rows.some((r) => r.startsWith('Report a home-insurance claim,Claims Experience,'))).toBe(true);

    // A chosen period: the rows lead with it, the address keeps it, and the downloads carry it.
    await page.getByLabel('Period shown').selectOption({ label: 'One period' });
    await page.getByLabel('A day in the period').fill('2026-10-15');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2026-10-15');
    await expect
      .poll(() => page.locator('.page-header__meta').textContent(), { timeout: 15_000 })
      .toContain('The period holding 15 Oct 2026 for each KPI');
    const claimsNps = claims.getByRole('row', { name: /Claims NPS/ });
    await expect.poll(() => claimsNps.textContent(), { timeout: 15_000 }).toContain('Oct 2026');
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe('/export/scorecard.pdf?period=2026-10-15');
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/export/scorecard.csv?period=2026-10-15');
    const [chosen] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const chosenPath = join(downloads, `chosen-${chosen.suggestedFilename()}`);
    await chosen.saveAs(chosenPath);
    expect(readFileSync(chosenPath, 'utf8')).toMatch(/Claims NPS,NPS,2026-10-01,Oct 2026,true,/);
    await screenshot('09-scorecard-chosen-period');
    // Each value at stake says which value per point it used.
    expect(await claims.textContent()).toMatch(/a point, (entered on the KPI|value model \((band lifetime value|churn regression)\))/);
  });
});
