import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const ADMIN = { organisation: 'Northwind Mutual', name: 'Ada Admin', email: 'ada@northwind.example', password: 'northwind-admin-2026' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@northwind.example', password: 'northwind-viewer-2026' };

let server: AppServer;
let browser: Browser;
let page: Page;
let invitationLink = '';

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

const nav = () => page.getByRole('navigation', { name: 'Main' });

describe('signing up, inviting a colleague and what each role may do', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates an organisation whose first admin sees none of the demo organisation', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Create an organisation' }).click();
    await page.getByRole('heading', { name: 'Create an organisation' }).waitFor();
    await page.getByLabel('Organisation name').fill(ADMIN.organisation);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Work email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect.poll(() => page.getByText('Password must be at least 12 characters').count(), { timeout: 15_000 }).toBe(1);
    await screenshot('10-sign-up-short-password');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByText(ADMIN.organisation, { exact: true }).waitFor();
    // A new organisation starts empty: the demo organisation's teams are not visible to it.
    await page.getByRole('heading', { name: 'No teams yet' }).waitFor();
    expect(await page.getByText('Claims Experience').count()).toBe(0);
    await screenshot('11-new-organisation');
  });

  it('creates an API token that is shown once', async () => {
    await nav().getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No tokens yet' }).waitFor();
    await page.getByLabel('Name').fill('Survey tool nightly export');
    await page.getByRole('checkbox', { name: /kpi:read/ }).check();
    // The scope for a pipeline that wants its numbers at once after a load, with what it allows.
    const compute = page.getByRole('checkbox', { name: /kpi:compute/ });
    expect(await page.locator('label', { has: compute }).textContent()).toContain('Recompute KPIs and refit their value models now');
    await compute.check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('API token').inputValue();
    expect(token).toMatch(/^tl_[A-Za-z0-9_-]{20,}$/);
    await screenshot('12-token-shown-once');
    await page.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row', { name: /Survey tool nightly export/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(token.slice(0, 9));
    expect(await row.textContent()).not.toContain(token);
    expect((await row.getByRole('listitem').allTextContents()).sort()).toEqual(['ingest:write', 'kpi:compute', 'kpi:read']);
  });

  it('invites a colleague as a viewer', async () => {
    await nav().getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(VIEWER.email);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    invitationLink = await page.getByLabel('Invitation link').inputValue();
    expect(invitationLink).toMatch(/\/invitation\?token=/);
    await screenshot('13-invitation-link');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
  });

  it('lets the colleague join and see only what a viewer may', async () => {
    await page.goto(invitationLink.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole('heading', { name: 'Join your organisation' }).waitFor();
    await page.getByLabel('Your name').fill(VIEWER.name);
    await page.getByLabel('Password').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByText('Viewer', { exact: true }).waitFor();

    // A viewer reads the people list but manages nothing, and has no API tokens page.
    expect(await nav().getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    await nav().getByRole('link', { name: 'People' }).click();
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('row', { name: new RegExp(ADMIN.name) }).waitFor();
    await members.getByRole('row', { name: new RegExp(VIEWER.name) }).waitFor();
    expect(await page.getByRole('heading', { name: 'Invite a colleague' }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await page.getByText('Only admins invite people or change roles.').waitFor();
    await screenshot('14-viewer-people');

    await page.goto(`${server.url}/settings/api-tokens`);
    await page.getByRole('heading', { name: 'Only admins manage API tokens' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create token' }).count()).toBe(0);
    await screenshot('15-viewer-api-tokens');
  });

  it('lets the admin sign back in and see the new member', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto(`${server.url}/settings/people`);
    const viewerRow = page.getByRole('region', { name: 'Members' }).getByRole('row', { name: new RegExp(VIEWER.name) });
    expect(await viewerRow.getByRole('combobox', { name: `Role of ${VIEWER.name}` }).inputValue()).toBe('viewer');
    await screenshot('16-admin-people');
  });
});
