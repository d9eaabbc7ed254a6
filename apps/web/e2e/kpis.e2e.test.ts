import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';



let server: AppServer;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}kpi-${name}.png`, fullPage: true });
}

function card(name: string) {
  return page.getByRole('listitem', { name });
}

describe('reading KPI values, trends and intervals', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and shows every KPI with its latest value', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'KPIs' }).click();
    await page.getByRole('heading', { name: 'KPIs', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Latest values', level: 2 }).waitFor();

    // The worker may not have swept yet on a fresh server: recompute Claims NPS rather than wait.
    const nps = card('Claims NPS');
    const figure = nps.locator('.kpi-card__figure');
    const pending = nps.getByText('Not computed yet');
    await figure.or(pending).first().waitFor({ timeout: 30_000 });
    if (await pending.isVisible()) {
      await screenshot('00-dashboard-pending');
      await nps.getByRole('button', { name: /Recompute now/ }).click();
    }
    await expect.poll(() => figure.textContent(), { timeout: 60_000 }).toMatch(/^[+-]?\d+\.\d$/);
    expect(await nps.textContent()).toMatch(/95% CI [+-]?\d+\.\d to [+-]?\d+\.\d · n = [\d,]+/);
    expect(await nps.textContent()).toMatch(/On target|Below target|Below warning threshold/);
    expect(await nps.getByRole('img', { name: /Claims NPS trend: \d+ values/ }).count()).toBe(1);
    expect(await nps.locator('.kpi-card__change').textContent()).toMatch(/Since \w{3,4} \d{4}: (up|down|unchanged).*at n = /);

    // Every other KPI gets its values from the worker within about a minute of start.
    await expect
      .poll(() => page.locator('.kpi-card__figure').count(), { timeout: 100_000, interval: 2_000 })
      .toBe(await page.locator('.kpi-card').count());
    expect(await card('Claims CSAT').locator('.kpi-card__figure').textContent()).toMatch(/^\d+\.\d%$/);
    expect(await card('Cost to serve per contact').locator('.kpi-card__figure').textContent()).toMatch(/^£\d+\.\d\d per contact$/);
    await page.getByRole('heading', { name: 'Definitions', level: 2 }).waitFor();
    await page.getByRole('table', { name: /KPI definitions/ }).waitFor();
    await screenshot('01-dashboard');
    await page.locator('.kpi-cards').screenshot({ path: `${SCREENSHOTS}kpi-01b-cards.png` });
  });

  it('filters the cards by journey and by owner team', async () => {
    const total = await page.locator('.kpi-card').count();
    await page.getByLabel('Journey').selectOption({ label: 'Report a home-insurance claim' });
    await card('Claims NPS').waitFor();
    await expect.poll(() => card('Relationship NPS').count()).toBe(0);
    const claims = await page.locator('.kpi-card').count();
    expect(claims).toBeLessThan(total);
    expect(new URL(page.url()).searchParams.get('journey')).toBeTruthy();
    await page.getByText(`Showing ${claims} KPIs of ${total}`).waitFor();
    await screenshot('02-dashboard-claims');

    await page.getByLabel('Journey').selectOption({ label: 'All journeys' });
    await page.getByLabel('Owner team').selectOption({ label: 'No owner team' });
    await expect.poll(() => page.locator('.kpi-card').count()).toBeLessThan(total);
    await page.getByLabel('Owner team').selectOption({ label: 'All teams' });
    await expect.poll(() => page.locator('.kpi-card').count()).toBe(total);
  });

  it('opens a KPI with its chart, band, numbers, segments and change', async () => {
    await card('Claims NPS').getByRole('link', { name: 'Claims NPS' }).click();
    await page.waitForURL('**/kpis/*');
    await page.getByRole('heading', { name: 'Claims NPS', level: 1 }).waitFor();

    const chart = page.getByRole('img', { name: /^Claims NPS by period\. \d+ values, (rising|falling|level) from/ });
    await chart.waitFor();
    // The shaded band is a range area; the value line is drawn over it.
    expect(await chart.locator('.recharts-area-area').count()).toBe(1);
    expect(await chart.locator('.recharts-line-curve').count()).toBe(1);
    expect(await chart.locator('.recharts-reference-line').count()).toBe(2);

    const change = page.locator('.kpi-headline__change');
    expect(await change.textContent()).toMatch(/Since \w{3,4} \d{4}: (up|down|unchanged).*(significant|not significant).* at n = [\d,]+/);

    const numbers = page.getByRole('table', { name: 'Claims NPS by period, newest first' });
    expect(await numbers.locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await numbers.locator('tbody tr').first().textContent()).toContain('NPS, adjusted Wald');

    await page.getByRole('heading', { name: 'By segment', level: 2 }).waitFor();
    await page.getByRole('img', { name: /^Claims NPS by segment in / }).waitFor();
    const segments = page.getByRole('table', { name: /^Claims NPS by segment in / });
    expect(await segments.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await screenshot('03-detail');
    await page.locator('.kpi-segments').screenshot({ path: `${SCREENSHOTS}kpi-03b-segments.png` });

    // What a point is worth: the entered value overrides, and the value model's estimates stand beside it.
    const value = page.getByRole('region', { name: 'Value of one point' });
    await value.getByText(/^In use: £[\d,]+ a year, entered on the KPI/).waitFor();
    await value.getByRole('button', { name: 'Refit the value model now' }).click();
    await value.getByRole('status').filter({ hasText: /^Refitted/ }).waitFor({ timeout: 30_000 });
    const estimates = value.getByRole('table', { name: 'Value-model estimates for Claims NPS' });
    expect(await estimates.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await estimates.locator('tbody tr').first().textContent()).toMatch(/£[\d,]+ to £[\d,]+/);
    await value.screenshot({ path: `${SCREENSHOTS}kpi-03c-value-of-a-point.png` });

    await page.getByRole('button', { name: 'Recompute now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Recomputed' }).count(), { timeout: 30_000 }).toBe(1);
    await chart.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}kpi-04-detail-recomputed.png` });
  });

  it('shows a lower-is-better KPI against its target', async () => {
    await page.goto(`${server.url}/kpis`);
    await card('Claims resolution time').getByRole('link', { name: 'Claims resolution time' }).click();
    await page.getByRole('heading', { name: 'Claims resolution time', level: 1 }).waitFor();
    await page.getByRole('img', { name: /^Claims resolution time by period/ }).waitFor();
    expect(await page.locator('.kpi-headline__figure').textContent()).toMatch(/^\d+\.\d hours$/);
    expect(await page.locator('.kpi-headline').textContent()).toMatch(/On target|Above target|Above warning threshold/);
    await screenshot('05-detail-lower-is-better');
  });

  it('says so when a KPI does not exist', async () => {
    await page.goto(`${server.url}/kpis/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'This KPI was not found', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'See all KPIs' }).waitFor();
    await screenshot('06-not-found');
  });
});
