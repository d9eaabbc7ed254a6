import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

let server: AppServer;
let browser: Browser;
let page: Page;
/** The path of every script the page has asked for, in order. */
const scripts: string[] = [];

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}loading-${name}.png`, fullPage: true });
}

function nav(label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
}

/** Holds back the next request for a chunk matching `pattern` until `release` is called, as on a slow connection. */
async function holdChunk(pattern: RegExp): Promise<{ release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    pattern,
    async (route) => {
      await released;
      await route.continue();
    },
    { times: 1 },
  );
  return { release };
}

describe('loading each page’s code when it is first visited', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and shows the first page without the charts or the CSV import’s code', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: 'Operating model', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Teams', level: 2 }).waitFor();

    expect(scripts.some((s) => /\/sign-in-page-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/operating-model-page-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /\/(charts|data-import-page|kpis-page|governance-page)-[\w-]+\.js$/.test(s))).toEqual([]);

    // A page's code comes when the page is first visited.
    await nav('KPIs').click();
    await page.getByRole('heading', { name: 'KPIs', level: 1 }).waitFor();
    await page.locator('.kpi-card').first().waitFor();
    expect(scripts.some((s) => /\/kpis-page-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/data-import-page-[\w-]+\.js$/.test(s))).toBe(false);
  });

  it('asks for everything the KPI dashboard shows in one request', async () => {
    const calls: string[][] = [];
    const record = (request: { url: () => string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/trpc/')) calls.push(url.pathname.slice('/trpc/'.length).split(','));
    };
    page.on('request', record);
    try {
      await page.goto(`${server.url}/kpis`);
      await page.locator('.kpi-card').first().waitFor();
      // A step-scoped KPI's card names its step: the names came with the rest.
      await page
        .getByText(/^Step “[^…]+” in /)
        .first()
        .waitFor();
      await page.waitForLoadState('networkidle');
    } finally {
      page.off('request', record);
    }
    const dashboard = calls.find((c) => c.includes('kpi.dashboard'));
    expect(dashboard).toEqual(expect.arrayContaining(['kpi.list', 'team.list', 'journey.list', 'journey.stepNames']));
    expect(calls.filter((c) => c !== dashboard && !c.every((p) => p === 'auth.me'))).toEqual([]);
  });

  it('keeps the current page and says the next is loading while its code arrives', async () => {
    const governance = await holdChunk(/\/assets\/governance-page-[\w-]+\.js$/);
    await nav('Governance').click();
    const loading = page.getByRole('status').filter({ hasText: 'Loading the page…' });
    await loading.waitFor({ state: 'attached' });
    // Still on the KPIs until Governance's code is here.
    expect(await page.getByRole('heading', { name: 'KPIs', level: 1 }).isVisible()).toBe(true);
    await page.waitForTimeout(400); // long enough for the bar to show (it waits 150 ms)
    await screenshot('01-next-page-loading');
    governance.release();
    await page.getByRole('heading', { name: 'Governance', level: 1 }).waitFor();
    await expect.poll(() => loading.count()).toBe(0);
  });

  it('draws the shell with a loading status in the page’s place on a first visit', async () => {
    const backlog = await holdChunk(/\/assets\/backlog-page-[\w-]+\.js$/);
    await page.goto(`${server.url}/backlog`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const status = page.getByRole('main').getByRole('status').filter({ hasText: 'Loading the page…' });
    await status.waitFor();
    await screenshot('02-first-visit-loading');
    backlog.release();
    await page.getByRole('heading', { name: 'Value backlog', level: 1 }).waitFor();
    expect(await status.count()).toBe(0);
  });

  it('offers a reload, navigation intact, when a page’s code cannot be fetched', async () => {
    const pattern = /\/assets\/scorecard-page-[\w-]+\.js$/;
    await page.route(pattern, (route) => route.abort('internetdisconnected'));
    await nav('Scorecard').click();
    await page.getByRole('heading', { name: 'This page could not be loaded', level: 1 }).waitFor();
    expect(await page.getByText('Reload to get the latest version').isVisible()).toBe(true);
    expect(await nav('KPIs').isVisible()).toBe(true);
    await screenshot('03-chunk-failed');

    await page.unroute(pattern);
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { name: 'Executive scorecard', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/scorecard');
  });
});
