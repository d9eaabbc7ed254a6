import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

// Sam is a Claims Experience team member (packages/db seed): he may edit, and measure, the team's
// initiatives on the claims journey. Survey answers carry the customer's segment, one of these.
const SAM = 'sam.reid@harbour.example';
const TEAM = 'Claims Experience';
const TITLE = 'Callback slots for assessor visits';

let server: AppServer;
let browser: Browser;
let page: Page;
let implementedUrl = '';
let implementedTitle = '';

async function screenshot(name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}proof-${name}.png`, fullPage });
}

async function screenshotOf(name: string, locator: Locator): Promise<void> {
  await locator.screenshot({ path: `${SCREENSHOTS}proof-${name}.png` });
}

const editor = () => page.locator('form.case-editor');
const status = () => page.locator('p[role="status"].status-note');
const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? '');
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function openEditor(): Promise<void> {
  await page.getByRole('button', { name: 'Edit the case' }).click();
  await editor().waitFor();
}

async function saveCase(): Promise<void> {
  await editor().getByRole('button', { name: 'Save the case' }).click();
  await editor().waitFor({ state: 'detached', timeout: 15_000 });
  await status().getByText('Saved').waitFor();
}

/** In waves by segment: each wave's groups and date, and the groups held out. */
async function planWaves(waves: { groups: string; startsOn: string }[], holdout: string): Promise<void> {
  const form = editor();
  await form.getByRole('radio', { name: /^In waves/ }).check();
  await form.getByLabel('Rollout by').selectOption('segment');
  for (const [i, wave] of waves.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add a wave' }).click();
    await form.getByLabel(`Wave ${i + 1} groups`).fill(wave.groups);
    await form.getByLabel(`Wave ${i + 1} starts on`).fill(wave.startsOn);
  }
  await form.getByLabel('Held out', { exact: true }).fill(holdout);
}

describe('proof that survives a sceptic: rollout plans, detectable effects, three estimates and benefits realised', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(SAM);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('warns on the investment case when the expected uplift is below the minimum detectable effect', async () => {
    await page.goto(`${server.url}/backlog`);
    await page.getByRole('button', { name: 'New initiative' }).click();
    const form = page.locator('form.new-initiative');
    // The button is offered before the backlog (and so the person's teams) has loaded: wait for the teams.
    await expect.poll(() => form.getByLabel('Owning team').locator('option').allTextContents(), { timeout: 15_000 }).toEqual([TEAM]);
    await form.getByLabel('Title').fill(TITLE);
    await form.getByRole('button', { name: 'Create initiative' }).click();
    await page.waitForURL(/\/backlog\/[0-9a-f-]{36}$/);

    await openEditor();
    const kpi = editor().getByLabel('KPI', { exact: true });
    await kpi.selectOption((await kpi.locator('option', { hasText: /^Claims NPS/ }).getAttribute('value')) ?? '');
    await editor().getByLabel('Expected uplift (points)').fill('0.5');
    await saveCase();

    // The smallest detectable change is worked out from the KPI's recent volume: the engine fills it within a minute of start.
    const warning = page.getByRole('note', { name: /^Too small to detect/ });
    await expect
      .poll(
        async () => {
          if ((await warning.count()) > 0) return true;
          await page.reload();
          await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
          return false;
        },
        { timeout: 120_000, interval: 5_000 },
      )
      .toBe(true);
    const text = (await warning.textContent()) ?? '';
    expect(text).toMatch(/With ~[\d,]+ answers a month, Claims NPS must move ≥ \d+\.\d points to be detectable in 90 days at 80% power/);
    expect(text).toContain('The expected uplift of 0.5 points is below that');
    // Said beside the expected uplift too, in words with a mark, not by colour.
    await page.getByText(/^Below the \d+\.\d points the acid test could detect$/).waitFor();
    await screenshotOf('01-mde-warning', page.locator('#case'));

    await openEditor();
    await editor().getByLabel('Expected uplift (points)').fill('40');
    await saveCase();
    const note = page.getByRole('note', { name: 'Could the uplift be seen?' });
    await note.waitFor();
    expect(await note.textContent()).toContain('The expected uplift is above that.');
    expect(await warning.count()).toBe(0);
  });

  it('edits a rollout plan, refusing a group in two waves and waves out of date order beside their fields', async () => {
    await openEditor();
    const form = editor();
    await form.getByRole('radio', { name: /^In waves/ }).check();
    // Waves start with one, and focus goes to its first field.
    await expect.poll(focusedName).toBe('rollout.waves.0.scopes');
    await form.getByLabel('Rollout by').selectOption('segment');
    await form.getByLabel('Wave 1 groups').fill('Homeowner');
    await form.getByLabel('Wave 1 starts on').fill('2026-03-02');
    await form.getByRole('button', { name: 'Add a wave' }).click();
    await expect.poll(focusedName).toBe('rollout.waves.1.scopes');
    await form.getByLabel('Wave 2 groups').fill('Landlord, Homeowner');
    await form.getByLabel('Wave 2 starts on').fill('2026-02-02');
    await form.getByRole('button', { name: 'Save the case' }).click();

    // Refused before anything is sent, by the domain's own rules, each beside its field.
    await form.locator('.field__issue', { hasText: 'Homeowner is already in wave 1' }).waitFor();
    await form.locator('.field__issue', { hasText: 'Waves go in date order' }).waitFor();
    expect(await form.getByLabel('Wave 2 groups').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Wave 2 starts on').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(focusedName).toBe('rollout.waves.1.scopes');
    expect(await form.getByRole('alert').first().textContent()).toContain('2 fields need correcting: see below.');
    await screenshotOf('02-rollout-refused', form.locator('fieldset.rollout'));

    // Fixed as typed: the issues go at once.
    await form.getByLabel('Wave 2 groups').fill('Landlord');
    await form.getByLabel('Wave 2 starts on').fill('2026-04-06');
    await expect.poll(() => form.locator('fieldset.rollout .field__issue').count()).toBe(0);
    await form.getByLabel('Held out', { exact: true }).fill('Tenant (contents only)');
    // A comparison journey is one the change does not touch: not the initiative's own.
    const journeys = await form.getByLabel('Comparison journey').locator('option').allTextContents();
    expect(journeys).not.toContain('Report a home-insurance claim');
    expect(journeys[0]).toBe('None');
    const summary = form.locator('.rollout__summary');
    expect(await summary.textContent()).toContain(
      'In 2 waves by segment: Homeowner from 2026-03-02; Landlord from 2026-04-06; held out: Tenant (contents only) (segment).',
    );
    expect(await summary.textContent()).toContain(
      'The acid test can compare customers the change reached with those it had not reached yet',
    );
    await screenshotOf('03-rollout-plan', form.locator('fieldset.rollout'));
    await saveCase();

    const rollout = page.getByRole('region', { name: 'Adoption plan' });
    expect(await rollout.textContent()).toContain('In 2 waves by segment: Homeowner from 2026-03-02; Landlord from 2026-04-06');
    expect(await rollout.textContent()).toContain('Leaves customers to compare with: the acid test can use a difference in differences.');
    // With customers left to compare with, the minimum detectable effect is the difference in differences'.
    await expect
      .poll(() => page.getByRole('note', { name: 'Could the uplift be seen?' }).textContent(), { timeout: 15_000 })
      .toContain('against the customers the rollout leaves for comparison');

    // Removing a wave leaves focus on the button that adds one, not on nothing.
    await openEditor();
    await editor().getByRole('button', { name: 'Remove wave 2' }).click();
    await expect.poll(focusedName).toBe('Add a wave');
    expect(await editor().getByLabel('Wave 2 groups').count()).toBe(0);
    await editor().getByRole('button', { name: 'Cancel' }).click();
    await screenshot('04-idea-with-rollout');
  });

  it('judges an implemented initiative three ways, with the deciding design’s chart against the counterfactual', async () => {
    await page.goto(`${server.url}/backlog?stage=implemented&view=list`);
    const first = page.locator('.backlog-table tbody tr', { hasText: TEAM }).first().getByRole('link');
    await first.waitFor();
    implementedTitle = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: implementedTitle, level: 1 }).waitFor();
    implementedUrl = page.url();

    // Staged by segment from its implementation date, one segment held out.
    await openEditor();
    const implementedOn = await editor().getByLabel('Implemented on').inputValue();
    await planWaves(
      [
        { groups: 'Homeowner', startsOn: implementedOn },
        { groups: 'Landlord', startsOn: addDays(implementedOn, 28) },
      ],
      'Tenant (contents only)',
    );
    await saveCase();

    await page.goto(`${server.url}/acid-test`);
    const entry = page.getByRole('article', { name: implementedTitle });
    await entry.waitFor();
    const kpi = entry.locator('.acid-kpi').first();
    await expect
      .poll(() => kpi.textContent(), { timeout: 120_000, interval: 2_000 })
      .toMatch(/Decided by: Difference in differences against /);

    // Three designs side by side, strongest first; the deciding one says so in words.
    const table = kpi.getByRole('region', { name: /^Three estimates of the change’s effect on / });
    const rows = table.locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual([
      'Difference in differencesDecides the verdict',
      'Interrupted time series',
      'Before vs after',
    ]);
    for (const row of await rows.all()) {
      const text = (await row.textContent()) ?? '';
      expect(text).toMatch(/[+-]?\d+\.\d+ (percentage )?points.*[+-]?\d+\.\d+ to [+-]?\d+\.\d+|Not available/);
    }
    // The naive design says what it cannot allow for.
    expect(await rows.nth(2).textContent()).toMatch(/season/);

    // The chart: reached, not reached and the counterfactual, each wave marked, the weeks after shaded.
    const chart = kpi.getByRole('img', {
      name: /week by week, \d+ weeks, against customers it had not reached yet\. Over the \d+ weeks after/,
    });
    await chart.waitFor();
    expect(await chart.locator('.recharts-line').count()).toBe(3);
    expect(await chart.locator('.recharts-reference-line').count()).toBe(2);
    expect(await chart.locator('text.recharts-label').allTextContents()).toEqual(['After', 'Wave 1', 'Wave 2']);
    expect(await kpi.getByRole('list', { name: 'Lines' }).getByRole('listitem').allTextContents()).toEqual([
      'Customers the change reached',
      'Customers not reached yet',
      'Counterfactual: reached, without the change',
    ]);
    // The parallel pre-trends check, in words.
    expect(await kpi.locator('.pre-trend__verdict').textContent()).toMatch(
      /^(Yes: parallel pre-trends\.|No: the groups were already drifting apart\.) Over the \d+ weeks before, the gap between them moved/,
    );
    expect(
      await kpi
        .getByRole('table', { name: /Each wave’s estimated effect/ })
        .locator('tbody tr')
        .count(),
    ).toBe(2);
    // The figures behind the chart, for reading exactly.
    await kpi.getByText('The weekly figures').click();
    expect(await kpi.getByRole('region', { name: 'Weekly figures' }).locator('tbody tr').count()).toBeGreaterThan(4);
    // The naive before/after stays, for reference.
    await kpi
      .getByRole('region', { name: /before vs after, for reference$/ })
      .getByRole('img', { name: /: before .+; after .+/ })
      .waitFor();
    await screenshotOf('05-acid-test-kpi', kpi);
    await screenshot('06-acid-test');
  }, 180_000);

  it('adds up benefits realised once an initiative is measured, expected against realised', async () => {
    await page.goto(`${server.url}/backlog`);
    await page.getByRole('link', { name: 'Benefits realised' }).click();
    await page.getByRole('heading', { name: 'Benefits realised', level: 1 }).waitFor();
    const initiatives = page.getByRole('region', { name: 'Each delivered initiative, expected against measured' });
    const row = initiatives.getByRole('row', { name: new RegExp(`^${implementedTitle}`) });
    expect(await row.textContent()).toContain('Awaiting measurement');
    const empty = page.getByRole('heading', { name: 'Nothing measured yet' });
    if ((await empty.count()) > 0) {
      expect(await page.locator('.empty-state').textContent()).toContain('Measure an implemented initiative');
      await screenshot('07-benefits-nothing-measured');
    }

    // Measured: the acid test's deciding design is recorded, and priced at the case's value per point.
    await page.goto(implementedUrl);
    await page.getByRole('button', { name: 'Mark measured' }).click();
    await page.getByRole('heading', { name: /^Measured on / }).waitFor({ timeout: 30_000 });
    const result = page.locator('.measured-result');
    expect(await result.textContent()).toMatch(/Measured uplift on .+[+-]?\d+\.\d points \(95% CI .+\).*By difference in differences\./);
    expect(await result.textContent()).toMatch(/Realised a year-?£[\d,]+ \(95% CI -?£[\d,]+ to -?£[\d,]+\)/);

    await page.getByRole('link', { name: 'benefits realised' }).click();
    await page.getByRole('heading', { name: 'Benefits realised', level: 1 }).waitFor();
    const chart = page.getByRole('img', { name: /^Expected against realised annual value of measured initiatives\. / });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/Report a home-insurance claim: expected £[\d,]+, realised -?£[\d,]+ \(95% CI /);
    expect(await chart.locator('.recharts-errorBar').count()).toBeGreaterThan(0);
    expect(await row.textContent()).toMatch(/[+-]?\d+\.\d points95% CI .+by difference in differences/);
    expect(await page.locator('.benefit-figures').textContent()).toMatch(/Realised a year-?£[\d,]+95% CI/);
    await screenshot('08-benefits-by-journey');

    await page.getByRole('radio', { name: 'By team' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('team');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain(`${TEAM}: expected`);
    await page
      .getByRole('region', { name: 'Benefits by team' })
      .getByRole('row', { name: new RegExp(`^${TEAM}`) })
      .waitFor();
    await screenshot('09-benefits-by-team');

    // The scorecard's delivered value is the realised one, with what awaits measurement apart.
    await page.goto(`${server.url}/scorecard`);
    const claims = page.getByRole('region', { name: 'Report a home-insurance claim', exact: true });
    await claims.waitFor();
    expect(await claims.locator('.sc-journey__figures').textContent()).toMatch(
      /Realised-?£[\d,]+ a year95% CI .+ from \d+ measured initiatives?/,
    );
    await screenshotOf('10-scorecard-delivered', claims.locator('.sc-journey__figures'));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/backlog/benefits`);
    await chart.waitFor();
    await screenshot('11-benefits-narrow');
  });
});
