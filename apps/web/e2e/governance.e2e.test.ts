import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const DEMO_ADMIN_NAME = 'Alex Morgan';

// A demo policy owned by Pricing & Underwriting on which Digital Sales holds a decision right.
// Digital Sales may approve up to £250,000: a £5,000,000 change goes to the CX council. The seed
// has proposals on other policies, so this test names its own and never expects empty lists.
const POLICY = 'Quotes are honoured for 30 days at the quoted price';
const TEAM = 'Digital Sales';
const TEAM_AUTHORITY = '£250,000';
const TITLE = 'Honour saved quotes for 45 days';
const REASON = 'Quote-to-buy conversion peaks in weeks five and six; pricing risk is covered by the rating refresh.';

let server: AppServer;
let browser: Browser;
let page: Page;

/** The whole page from the top, so the sticky header is not painted mid-page; or just the viewport. */
async function screenshot(name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** One part of the page at full resolution, to check its details. */
async function screenshotOf(name: string, locator: Locator): Promise<void> {
  await locator.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

const proposal = (): Locator => page.locator('article.proposal', { has: page.getByRole('heading', { name: TITLE, exact: true }) });
const policyCard = (): Locator => page.locator('article.policy', { has: page.getByRole('heading', { name: POLICY }) });
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

describe('proposing a policy change that the CX council decides', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and shows the proposals, the policies and the decision log', async () => {
    await page.goto(`${server.url}/governance`);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/governance');

    await page.getByRole('heading', { name: 'Governance', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Change proposals', level: 2 }).waitFor();
    await page.getByRole('region', { name: 'Decision log' }).getByRole('table').waitFor();
    await policyCard().waitFor();
    const card = (await policyCard().textContent()) ?? '';
    expect(card).toContain('Pricing & Underwriting');
    expect(card).toContain(TEAM);
    expect(card).toContain('2 steps');
    expect(await proposal().count()).toBe(0);
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    await screenshotOf('20-governance-seeded-awaiting', page.locator('article.proposal[data-state="proposed"]').first());
    await screenshot('20-governance-empty');
  });

  it('scrolls to, focuses and highlights a policy linked to by its anchor', async () => {
    const id = (await policyCard().getAttribute('id')) ?? '';
    expect(id).toMatch(/^policy-[0-9a-f-]{36}$/);
    await page.goto(`${server.url}/governance#${id}`);
    await expect.poll(focusedId, { timeout: 15_000 }).toBe(id);
    expect(await policyCard().getAttribute('class')).toContain('policy--target');
    const box = await policyCard().boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await screenshot('21-governance-policy-anchor', false);
  });

  it('drafts a change costing more than the team may approve and submits it to the council', async () => {
    await page.getByRole('button', { name: `Propose a change to “${POLICY}”` }).click();
    await expect.poll(focusedId).toMatch(/-title$/);
    expect(await page.getByLabel('Policy').locator('option:checked').textContent()).toBe(POLICY);
    await page.getByLabel('Proposing team').selectOption({ label: `${TEAM} (approves up to ${TEAM_AUTHORITY})` });
    await page.getByLabel('Title').fill(TITLE);
    const wording = page.getByRole('textbox', { name: 'Proposed wording' });
    await wording.fill((await wording.inputValue()).replace('for 30 days', 'for 45 days'));
    await page.getByLabel('Rationale').fill('A third of buyers come back to a saved quote after day 30 and are re-priced, often upwards.');
    // Within the team's authority, on a policy it holds the decision right for, it would decide itself…
    const form = page.locator('form.propose');
    await page.getByLabel('One-off cost').fill('10,000');
    await form.getByText(`${TEAM} would decide this itself.`).waitFor();
    // …but not at £5,000,000.
    await page.getByLabel('One-off cost').fill('5,000,000');
    await form.getByText('The CX council would decide this.').waitFor();
    expect(await form.locator('ins').allTextContents()).toEqual(['45']);
    await screenshotOf('22-governance-propose-form', form);

    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('status').getByText(`“${TITLE}” was saved as a draft`).waitFor();
    expect(await proposal().getAttribute('data-state')).toBe('draft');
    await expect.poll(focusedId).toMatch(/^proposal-.*-title$/);
    expect(await proposal().textContent()).toContain('Once submitted, the CX council decides.');

    await proposal()
      .getByRole('button', { name: /Submit for decision/ })
      .click();
    await expect.poll(() => proposal().getAttribute('data-state'), { timeout: 15_000 }).toBe('proposed');
    const text = (await proposal().textContent()) ?? '';
    expect(text).toContain('Awaiting decision');
    expect(text).toContain('£5,000,000');
    expect(text).toContain(TEAM);
    expect(text).toContain('The CX council decides this.');
    expect(text).toContain('The cost exceeds the team’s spending authority.');
    expect(text).toContain(`${TEAM} may approve up to ${TEAM_AUTHORITY} itself.`);
    await expect.poll(focusedId).toMatch(/^proposal-.*-title$/);
    await screenshotOf('23-governance-awaiting-council', proposal());
    await screenshot('23-governance-awaiting-council-page');
  });

  it('refuses a decision without a reason, then approves it with one', async () => {
    await proposal().getByRole('button', { name: 'Approve' }).click();
    await proposal().getByText('Reason for the decision is required').waitFor();
    expect(await proposal().getAttribute('data-state')).toBe('proposed');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason');
    await screenshotOf('24-governance-reason-required', proposal().locator('form'));

    await proposal().getByLabel('Reason for the decision').fill(REASON);
    await proposal().getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => proposal().getAttribute('data-state'), { timeout: 15_000 }).toBe('approved');
    expect(await proposal().textContent()).toContain(`Approved because: ${REASON}`);
    await page.getByRole('status').getByText('was approved').waitFor();
    await screenshotOf('24-governance-approved', proposal());
    await screenshot('24-governance-approved-viewport', false);
  });

  it('marks it implemented: the policy reads as proposed and the decision is in the log', async () => {
    await proposal()
      .getByRole('button', { name: /Mark implemented/ })
      .click();
    await expect.poll(() => proposal().getAttribute('data-state'), { timeout: 15_000 }).toBe('implemented');
    await expect.poll(() => policyCard().locator('.policy__statement').textContent(), { timeout: 15_000 }).toContain('for 45 days');

    // Newest first: this decision heads the log, above the seeded ones.
    const log = page.getByRole('region', { name: 'Decision log' });
    const row = log.locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(TITLE);
    const cells = await row.locator('th, td').allTextContents();
    expect(cells[1]).toBe(`${TITLE} (${POLICY})`);
    expect(cells[2]).toBe('Approved');
    expect(cells[3]).toBe(`${DEMO_ADMIN_NAME}for the CX council`);
    expect(cells[4]).toBe(REASON);
    // The form follows the policy's new wording instead of offering the old one back.
    expect(await page.getByRole('textbox', { name: 'Proposed wording' }).inputValue()).toContain('for 45 days');
    await screenshotOf('25-governance-implemented', proposal());
    await screenshotOf('26-governance-decision-log', log);
    await screenshot('27-governance-page');

    // On a phone the two wordings stack, current above proposed.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotOf('28-governance-implemented-narrow', page.locator('article.proposal[data-state="proposed"]').first());
  });
});
