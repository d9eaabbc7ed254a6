import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const CLAIM_JOURNEY = 'Report a home-insurance claim';

let server: AppServer;
let browser: Browser;
let page: Page;

async function screenshot(name: string, fullPage = true): Promise<void> {
  // From the top, or the sticky header is drawn over the middle of a full-page capture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** Waits until no loading skeleton is left on the page. */
async function settled(): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
}

describe('the operating model: health, ownership, teams and KPIs', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and shows the health summary on the home page', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);

    const health = page.getByRole('region', { name: 'Health' });
    const counts = health.getByRole('list', { name: 'Findings by kind' });
    await counts.waitFor();
    // Critical kinds come first: the demo has a KPI nobody owns.
    expect(await counts.getByRole('link').first().textContent()).toContain('Critical');
    await page.getByRole('region', { name: 'Teams' }).getByRole('link', { name: 'Data & Insight' }).waitFor();
    await settled();
    await screenshot('om-01-home-health-summary');
  });

  it('lists every finding on /health and follows one to the KPI that needs an owner', async () => {
    await page.getByRole('link', { name: 'Every finding' }).click();
    await page.getByRole('heading', { name: 'Operating model health', level: 1 }).waitFor();
    expect(await page.locator('.finding').count()).toBeGreaterThan(0);
    // The policy Pricing & Underwriting owns on claims steps is one of the demo's real gaps.
    const policies = page.getByRole('region', { name: 'Policies the journey’s teams cannot change' });
    await policies.getByText(/Claims scoring 70\+ for fraud risk/).waitFor();
    expect(await policies.getByRole('link', { name: 'Fix in governance' }).first().getAttribute('href')).toMatch(/^\/governance#policy-/);
    await screenshot('om-02-health');

    await page.getByRole('region', { name: 'KPIs nobody answers for' }).getByRole('link', { name: 'Fix in the KPI list' }).first().click();
    await page.waitForURL('**/kpis#kpi-*');
    const row = page.locator('tr.is-target');
    await row.getByText('No owner').waitFor();
    // Focus lands on the row, so a screen reader starts where the fix is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^kpi-/);
    await screenshot('om-03-kpis-from-finding', false);
  });

  it('lets an admin give a KPI its owner team, which clears the finding', async () => {
    const row = page.locator('tr.is-target');
    const name = (await row.locator('.kpis-table__name').textContent()) ?? '';
    await row.getByRole('button', { name: `Edit owner and target of ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(name) });
    await dialog.getByLabel('Owner team').selectOption({ label: 'Customer Contact Centre' });
    await screenshot('om-04-kpi-edit', false);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText(`Saved “${name}”.`).waitFor();
    await page.locator(`tr:has-text("${name}")`).getByRole('link', { name: 'Customer Contact Centre' }).waitFor();
    await settled();
    await screenshot('om-05-kpis');
  });

  it('shows journeys × teams on /ownership and shows the server refusing a second accountable team', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operating model' }).click();
    await page.getByRole('region', { name: 'Health' }).getByRole('link', { name: 'Ownership matrix' }).click();
    const matrix = page.getByRole('table', { name: /Which team is accountable for each journey/ });
    await matrix.waitFor();
    await matrix.getByRole('columnheader', { name: 'Data & Insight' }).waitFor();
    const claimRow = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(CLAIM_JOURNEY) }) });
    expect(await claimRow.getByRole('cell').filter({ hasText: 'Accountable' }).count()).toBe(1);
    await page.getByRole('region', { name: 'Systems' }).getByRole('table').waitFor();
    await settled();
    await screenshot('om-06-ownership-viewport', false);
    await screenshot('om-06-ownership');

    await page.getByRole('button', { name: `Assign Data & Insight on ${CLAIM_JOURNEY}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`Data & Insight on “${CLAIM_JOURNEY}”`) });
    await dialog.getByRole('button', { name: 'Make Data & Insight accountable' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('already has an accountable team');
    await screenshot('om-07-ownership-conflict', false);

    await dialog.getByRole('button', { name: 'Add to the whole journey' }).click();
    await page.getByRole('status').getByText(`Data & Insight now contributes to “${CLAIM_JOURNEY}”.`).waitFor();
    await page.getByRole('button', { name: `Change Data & Insight on ${CLAIM_JOURNEY}` }).waitFor();
    // The dialog hands focus back to the cell it was opened from.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Data & Insight on');
    await screenshot('om-08-ownership-after-change', false);
  });

  it('marks a journey with no accountable team as a gap, and promotes a contributor to fill it', async () => {
    const journey = 'Renew my policy';
    await page.getByRole('button', { name: `Change Policy & Renewals on ${journey}` }).click();
    const owner = page.getByRole('dialog', { name: new RegExp(`Policy & Renewals on “${journey}”`) });
    await owner.getByRole('button', { name: /^Remove accountability/ }).click();
    await owner.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('status').getByText(`Policy & Renewals is no longer accountable for “${journey}”`).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(journey) }) });
    await row.getByText('Gap: no accountable team').waitFor();
    await screenshot('om-09-ownership-gap', false);

    // Pricing & Underwriting contributes to the whole journey; it becomes its accountable team.
    await page.getByRole('button', { name: `Change Pricing & Underwriting on ${journey}` }).click();
    const contributor = page.getByRole('dialog', { name: new RegExp(`Pricing & Underwriting on “${journey}”`) });
    await contributor.getByRole('button', { name: 'Make Pricing & Underwriting accountable' }).click();
    await page.getByRole('status').getByText(`Pricing & Underwriting is now accountable for “${journey}”.`).waitFor();
    // The message comes once the matrix shows the change.
    expect(await row.getByText('Gap: no accountable team').count()).toBe(0);
    expect(await row.getByRole('cell').filter({ hasText: 'Accountable' }).count()).toBe(1);
  });

  it('opens a team page with its remit, KPIs, policies and proposals, and says when a team does not exist', async () => {
    await page
      .getByRole('table', { name: /Which team is accountable/ })
      .getByRole('link', { name: 'Claims Experience' })
      .click();
    await page.getByRole('heading', { name: 'Claims Experience', level: 1 }).waitFor();
    const remit = page.getByRole('region', { name: 'Remit' });
    await remit.getByRole('link', { name: CLAIM_JOURNEY }).waitFor();
    await page.getByRole('region', { name: 'KPIs it owns' }).getByRole('link', { name: 'Claims NPS' }).waitFor();
    await page
      .getByRole('region', { name: 'Policies it may change' })
      .getByRole('link', { name: /assessor visit/ })
      .waitFor();
    await page.getByRole('region', { name: 'Open proposals' }).waitFor();
    await page.getByText('Missing:').waitFor();
    await settled();
    await screenshot('om-10-team');

    await page.goto(`${server.url}/teams/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'This team was not found', level: 1 }).waitFor();
    await screenshot('om-11-team-not-found', false);
  });
});
