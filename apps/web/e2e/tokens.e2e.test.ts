import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const ADA = { organisation: 'Fjord Insurance', name: 'Ada Admin', email: 'ada@fjord.example', password: 'fjord-admin-2026' };
const BEA = { name: 'Bea Builder', email: 'bea@fjord.example', password: 'fjord-builder-2026' };

let server: AppServer;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

const nav = () => page.getByRole('navigation', { name: 'Main' });

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}

async function createToken(name: string) {
  await page.goto(`${server.url}/settings/api-tokens`);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByLabel('API token').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('row', { name: new RegExp(name) }).waitFor();
}

describe('API tokens whose creator lost the right to manage them, and the longest token lifetime', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a second admin joins and creates a token', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Organisation name').fill(ADA.organisation);
    await page.getByLabel('Your name').fill(ADA.name);
    await page.getByLabel('Work email').fill(ADA.email);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(`${server.url}/`);
    await createToken('Billing feed');

    await nav().getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Email', { exact: true }).fill(BEA.email);
    await page.getByLabel('Role', { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    await signOut();

    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByLabel('Your name').fill(BEA.name);
    await page.getByLabel('Password').fill(BEA.password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await createToken('Survey tool nightly export');
    await signOut();
  });

  it('flags the token of an admin who is demoted, naming who created it', async () => {
    await page.getByLabel('Email').fill(ADA.email);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto(`${server.url}/settings/api-tokens`);
    const beas = page.getByRole('row', { name: /Survey tool nightly export/ });
    await beas.waitFor();
    expect(await beas.textContent()).toContain(BEA.name);
    expect(await beas.textContent()).not.toContain('Review');

    await nav().getByRole('link', { name: 'People' }).click();
    const role = page.getByRole('combobox', { name: `Role of ${BEA.name}` });
    await role.selectOption('team_member');
    await expect.poll(() => role.isDisabled()).toBe(false);
    await nav().getByRole('link', { name: 'API tokens' }).click();
    await beas.getByText('Review: its creator is no longer an admin').waitFor();
    const adas = page.getByRole('row', { name: /Billing feed/ });
    expect(await adas.textContent()).toContain(ADA.name);
    expect(await adas.textContent()).not.toContain('Review');
    await screenshot('40-token-creator-demoted');
  });

  it('sets a longest token lifetime, after which the form offers nothing longer and no "never"', async () => {
    await page.goto(`${server.url}/settings/organisation`);
    await page.getByLabel('Longest API token lifetime').selectOption('30');
    await page.getByRole('button', { name: 'Save token lifetime' }).click();
    await page.getByText(/Saved: new API tokens expire within 30 days\. 2 tokens already out now expire 30 days from today\./).waitFor();
    await screenshot('41-token-lifetime-setting');

    await nav().getByRole('link', { name: 'API tokens' }).click();
    const expiry = page.getByLabel('Expires after');
    await expiry.waitFor();
    expect(await expiry.locator('option').allTextContents()).toEqual(['30 days']);
    await page.getByText('Your organisation’s tokens expire within 30 days.').waitFor();
    await screenshot('42-tokens-within-lifetime');
  });
});
