import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

let server: AppServer;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

describe('signing in and reading the operating model', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor to sign in and refuses a wrong password', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot('01-sign-in');

    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('Email or password is incorrect');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot('02-sign-in-wrong-password');
  });

  it('signs in and shows the teams and journeys', async () => {
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);

    const teams = page.getByRole('region', { name: 'Teams' });
    await page.getByRole('heading', { name: 'Teams', level: 2 }).waitFor();
    await teams.getByRole('table').waitFor();
    const teamRows = teams.locator('tbody tr');
    expect(await teamRows.count()).toBeGreaterThanOrEqual(5);
    await teams.getByText('Claims Experience', { exact: true }).waitFor();

    const journeys = page.getByRole('region', { name: 'Journeys' });
    await page.getByRole('heading', { name: 'Journeys', level: 2 }).waitFor();
    await journeys.getByRole('link', { name: 'Report a home-insurance claim' }).waitFor();

    // KPI alerts have their place on the home page, whether or not the worker has raised any yet.
    await page.getByRole('heading', { name: 'KPI alerts', level: 2 }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Operating model' }).getAttribute('aria-current')).toBe('page');
    // Headline figures have loaded (no skeleton left).
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    await screenshot('03-operating-model');
  });

  it('opens the journey and shows its service blueprint', async () => {
    await page.getByRole('region', { name: 'Journeys' }).getByRole('link', { name: 'Report a home-insurance claim' }).click();
    await page.waitForURL('**/journeys/*');
    await page.getByRole('heading', { name: 'Report a home-insurance claim', level: 1 }).waitFor();
    await page.getByText('Line of visibility').waitFor();
    const blueprint = page.getByRole('region', { name: /Service blueprint for/ });
    for (const lane of ['Customer actions', 'Frontstage', 'Backstage', 'Support processes', 'Systems', 'Evidence']) {
      await blueprint.getByRole('rowheader', { name: new RegExp(`^${lane}`) }).waitFor();
    }
    await screenshot('04-journey-blueprint');

    // Wide journeys scroll sideways; the stage buttons bring a later stage into view.
    // Reduced motion makes the jump instant, so the screenshot shows where it lands.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const jumpBar = page.getByRole('group', { name: 'Scroll the blueprint to a stage' });
    const third = jumpBar.getByRole('button').nth(2);
    const stageName = (await third.locator('.stage-jump__name').textContent()) ?? '';
    await third.click();
    await expect.poll(() => blueprint.evaluate((el) => el.scrollLeft), { timeout: 5_000 }).toBeGreaterThan(0);
    // The stage's header lands just right of the sticky lane column, not under it.
    const region = await blueprint.boundingBox();
    const stageHeader = await blueprint
      .getByRole('columnheader', { name: new RegExp(stageName) })
      .first()
      .boundingBox();
    if (!region || !stageHeader) throw new Error(`The blueprint or the “${stageName}” stage header is not on screen`);
    expect(stageHeader.x - region.x).toBeGreaterThanOrEqual(150);
    expect(stageHeader.x - region.x).toBeLessThan(260);
    await page.screenshot({ path: `${SCREENSHOTS}05-journey-blueprint-stage-3.png` });
  });

  it('opens the value backlog, and signs out', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backlog' }).click();
    await page.getByRole('heading', { name: 'Value backlog', level: 1 }).waitFor();
    await screenshot('06-backlog');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${server.url}/journeys`);
    await page.waitForURL('**/sign-in');
  });
});
