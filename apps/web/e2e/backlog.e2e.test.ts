import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { DEMO_PASSWORD, SCREENSHOTS, openBrowserSession } from './browser-session.ts';

// Demo people (packages/db seed): Sam is a Claims Experience team member, Priya a CX lead.
// Claims Experience may fund up to £150,000 itself; this case costs £170,000, so the council decides.
const SAM = { email: 'sam.reid@harbour.example', name: 'Sam Reid' };
const PRIYA = { email: 'priya.shah@harbour.example', name: 'Priya Shah' };
const TEAM = 'Claims Experience';
const TITLE = 'Video assessment for escape-of-water claims';
const REASON = 'Costliest assessor wait on the claims journey; the pilot showed a 40% cut in visits.';

let server: AppServer;
let browser: Browser;
let page: Page;
let initiativeUrl = '';

async function screenshot(name: string, fullPage = true): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}backlog-${name}.png`, fullPage });
}

async function screenshotOf(name: string, locator: Locator): Promise<void> {
  await locator.screenshot({ path: `${SCREENSHOTS}backlog-${name}.png` });
}

async function signIn(email: string, then: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(then);
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const editor = () => page.locator('form.case-editor');
const refusal = () => page.locator('.gate-refusal');
const stage = () => page.locator('.page-header .stage-tag').textContent();
const status = () => page.locator('p[role="status"].status-note');

/** Clicks the next gate's button and waits for the answer: a new stage or a refusal. */
async function pressGate(button: string): Promise<void> {
  const before = await stage();
  await page.getByRole('button', { name: button }).click();
  await expect.poll(async () => (await refusal().count()) > 0 || (await stage()) !== before, { timeout: 15_000 }).toBe(true);
}

async function saveCase(): Promise<void> {
  await editor().getByRole('button', { name: 'Save the case' }).click();
  await editor().waitFor({ state: 'detached', timeout: 15_000 });
  await status().getByText('Saved').waitFor();
}

describe('an initiative through its gates, funded by the CX council', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1440, height: 900 }));
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the backlog as a board and as a sortable, filterable list kept in the address', async () => {
    await signIn(SAM.email, `${server.url}/backlog`);
    await page.getByRole('heading', { name: 'Value backlog', level: 1 }).waitFor();
    for (const column of ['Idea', 'Designed', 'Funded', 'In delivery', 'Implemented', 'Measured']) {
      await page.getByRole('region', { name: new RegExp(`^${column} \\d+ initiatives?$`) }).waitFor();
    }
    await page.getByText('How the priority score is worked out').click();
    await page.getByText(/Priority = confidence weight × value over 3 years ÷ cost over 3 years/).waitFor();
    await screenshot('01-board');

    await page.getByRole('button', { name: 'List' }).click();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: TEAM });
    await page.waitForURL(/view=list/);
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('list');
    expect(url.searchParams.get('team')).toMatch(/^[0-9a-f-]{36}$/);
    const rows = page.locator('.backlog-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const team of await rows.locator('td:nth-child(2)').allTextContents()) expect(team).toBe(TEAM);

    const roi = page.getByRole('columnheader', { name: /ROI/ });
    await roi.getByRole('button').click();
    expect(await roi.getAttribute('aria-sort')).toBe('descending');
    await page.waitForURL(/sort=roi/);
    await screenshot('02-list-claims-by-roi');

    // The address alone brings the same view back.
    await page.goto(page.url());
    await page.locator('.backlog-table').waitFor();
    expect(await page.getByRole('columnheader', { name: /ROI/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByLabel('Team', { exact: true }).locator('option:checked').textContent()).toBe(TEAM);
  });

  it('lets a team member start an initiative for their own team only', async () => {
    await page.goto(`${server.url}/backlog`);
    await page.getByRole('button', { name: 'New initiative' }).click();
    await expect.poll(focusedId).toMatch(/-title$/);
    const form = page.locator('form.new-initiative');
    // The button is offered before the backlog (and so the person's teams) has loaded: wait for the teams.
    await expect.poll(() => form.getByLabel('Owning team').locator('option').allTextContents()).toEqual([TEAM]);
    await form.getByRole('button', { name: 'Create initiative' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByLabel('Title').fill(TITLE);
    expect(await form.getByLabel('Journey').locator('option:checked').textContent()).toMatch(/claim/i);
    await screenshotOf('03-new-initiative', form);
    await form.getByRole('button', { name: 'Create initiative' }).click();

    await page.waitForURL(/\/backlog\/[0-9a-f-]{36}$/);
    initiativeUrl = page.url();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await stage()).toBe('Idea');
    await status().getByText(`“${TITLE}” was created as an idea`).waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Idea');
    await page.getByText('No technology scope').first().waitFor();
    await screenshot('04-created-idea');
  });

  it('refuses the designed gate, naming each missing field beside it and in a summary', async () => {
    await pressGate('Mark as designed');
    expect(await stage()).toBe('Idea');
    await expect.poll(focusedId).toBe('gate-refusal-heading');
    const summary = await refusal().textContent();
    expect(summary).toContain('It cannot be designed yet: 6 things are missing');
    for (const text of [
      'Name the problem: the failure points it fixes, or a problem statement',
      'Hypothesis is required: what you believe will change, and why',
      'Target at least one of the journey’s outcomes',
      'KPI is required: the KPI the uplift is promised on',
      'Expected uplift (points) is required: how many points it should move the KPI',
      'An investment case needs its costs',
    ]) {
      expect(summary).toContain(text);
      await editor().locator('.field__issue', { hasText: text }).waitFor();
    }
    expect(await editor().getByLabel('Hypothesis', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot('05-designed-gate-refused');

    // A summary item leads to its field.
    await refusal()
      .getByRole('link', { name: /Hypothesis is required/ })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('hypothesis');
    await screenshot('06-refusal-leads-to-field', false);
  });

  it('completes the case above the team’s spending authority, and passes the designed gate', async () => {
    const form = editor();
    const points = form.getByRole('group', { name: 'Failure points it fixes' }).getByRole('checkbox');
    await points.first().or(form.getByText('This journey has no failure points recorded yet')).first().waitFor();
    if ((await points.count()) > 0) await points.first().check();
    await form
      .getByLabel('Problem statement')
      .fill('Escape-of-water claims wait nine days for an assessor; customers chase and the damage spreads.');
    await form
      .getByLabel('Hypothesis', { exact: true })
      .fill('A video assessment on the day of the claim removes most visits and lifts claims NPS by three points.');

    // An outcome on the KPI the uplift is promised on, if the journey has one.
    const outcomes = form.getByRole('group', { name: 'Outcomes targeted' }).getByRole('checkbox');
    await outcomes.first().waitFor();
    const npsOutcome = form.getByRole('group', { name: 'Outcomes targeted' }).getByRole('checkbox', { name: /NPS/ });
    await ((await npsOutcome.count()) > 0 ? npsOutcome.first() : outcomes.first()).check();

    await form.getByLabel('One-off cost, business').fill('90,000');
    await form.getByLabel('One-off cost, technology').fill('70,000');
    await form.getByLabel('Running cost a year, technology').fill('10,000');
    await form.getByLabel('IT effort (days)').fill('60');
    await form
      .getByRole('group', { name: 'Systems it changes' })
      .getByRole('checkbox', { name: /ClaimsCore/ })
      .check();
    const kpi = form.getByLabel('KPI', { exact: true });
    const npsOption = kpi.locator('option', { hasText: /^Claims NPS/ });
    await kpi.selectOption((await npsOption.getAttribute('value')) ?? '');
    // The KPI's own value per point, as the option shows it: "Claims NPS (£42,000 a point)".
    const perPoint = Number(/£([\d,]+) a point/.exec((await npsOption.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
    await form.getByLabel('Expected uplift (points)').fill('3');
    await form.getByLabel('Confidence in the uplift').selectOption('high');
    await screenshotOf('07-case-filled', form);

    await form.getByRole('button', { name: 'Save the case' }).click();
    await editor().waitFor({ state: 'detached', timeout: 15_000 });
    await status().getByText('Saved. The case now has everything the next gate asked for').waitFor();
    expect(await refusal().count()).toBe(0);
    expect(await page.getByText('No technology scope').count()).toBe(0);
    // 3 points × the value per point, against £160,000 one-off + 3 × £10,000 running over three years.
    const gbp = (n: number) => `£${n.toLocaleString('en-GB')}`;
    if (Number.isFinite(perPoint)) {
      expect((await page.getByRole('definition').allTextContents()).join(' ')).toContain(gbp(3 * perPoint));
      await page.getByText(`0.9 (high confidence) × ${gbp(9 * perPoint)} value over 3 years ÷ £190,000 cost over 3 years`).waitFor();
    } else {
      await page.getByText(/0\.9 \(high confidence\) × £[\d,]+ value over 3 years ÷ £190,000 cost over 3 years/).waitFor();
    }
    await screenshot('08-case-saved');

    await pressGate('Mark as designed');
    expect(await stage()).toBe('Designed');
    await status().getByText(`“${TITLE}” is designed`).waitFor();
    await expect.poll(focusedId).toBe('next-step-heading');
  });

  it('routes the £170,000 funding to the council, which the team member cannot approve', async () => {
    const panel = page.locator('.next-step--funding');
    await panel.getByText('The CX council decides this.').waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('£170,000');
    expect(text).toContain(`${TEAM} may approve up to£150,000`);
    expect(text).toContain('£20,000 over its authority');
    expect(text).toContain('Waiting for the CX council: a CX lead decides it');
    expect(await page.getByRole('button', { name: 'Approve funding' }).count()).toBe(0);

    // The server says no too, with its reason, if asked directly.
    const id = initiativeUrl.split('/').at(-1)!;
    const refused = await page.evaluate(async (initiativeId) => {
      const get = await fetch(`/trpc/initiative.get?input=${encodeURIComponent(JSON.stringify({ id: initiativeId }))}`);
      const { version } = (await get.json()).result.data;
      const res = await fetch('/trpc/initiative.decideFunding', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: initiativeId, version, decision: 'approve', reason: 'We would like to' }),
      });
      return { status: res.status, body: await res.json() };
    }, id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /exceeds the owning team’s spending authority: the CX council decides\. A CX lead must decide it\./,
    );
    await screenshot('09-designed-awaiting-council');
    await screenshotOf('10-funding-routed-to-council', panel);
  });

  it('is approved by a CX lead with a reason, and the decision is in the governance log', async () => {
    await signOut();
    await signIn(PRIYA.email, initiativeUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const panel = page.locator('.next-step--funding');
    await panel.getByRole('button', { name: 'Approve funding' }).click();
    await panel.getByText('Reason for the decision is required').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason');
    await screenshotOf('11-reason-required', panel);

    await panel.getByLabel('Reason for the decision').fill(REASON);
    await panel.getByRole('button', { name: 'Approve funding' }).click();
    await expect.poll(stage, { timeout: 15_000 }).toBe('Funded');
    await status().getByText(`“${TITLE}” is funded`).waitFor();
    const decision = page.getByRole('region', { name: 'Decisions' });
    await decision.getByText(`Funded by ${PRIYA.name} for the CX council`).waitFor();
    expect(await decision.textContent()).toContain(REASON);
    await screenshot('12-funded');

    await decision.getByRole('link', { name: 'Governance decision log' }).click();
    await page.waitForURL('**/governance#decisions');
    const row = page.getByRole('region', { name: 'Decision log' }).locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(`Funding of “${TITLE}” (£170,000)`);
    const cells = await row.locator('th, td').allTextContents();
    expect(cells[2]).toBe('Funded');
    expect(cells[3]).toBe(`${PRIYA.name}for the CX council`);
    expect(cells[4]).toBe(REASON);
    await screenshotOf('13-governance-decision-log', page.getByRole('region', { name: 'Decision log' }));
  });

  it('starts delivery once the adoption plan says how use is measured', async () => {
    await signOut();
    await signIn(SAM.email, initiativeUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await pressGate('Start delivery');
    expect(await stage()).toBe('Funded');
    const summary = (await refusal().textContent()) ?? '';
    expect(summary).toContain('Delivery starts on is required: when delivery starts');
    expect(summary).toContain('Usage measure is required: the adoption plan says how use will be measured');
    await editor().locator('.field__issue', { hasText: 'Usage measure is required' }).waitFor();
    await screenshot('14-delivery-gate-refused');

    await editor().getByLabel('Delivery starts on').fill(daysAgo(120));
    await editor().getByLabel('Usage measure').fill('Share of escape-of-water claims assessed by video');
    await editor().getByLabel('People to train').fill('60');
    await saveCase();
    await pressGate('Start delivery');
    expect(await stage()).toBe('In delivery');
  });

  it('is implemented with a date in the past and what changed, then measured on KPI data since', async () => {
    await pressGate('Mark implemented');
    expect(await stage()).toBe('In delivery');
    const summary = (await refusal().textContent()) ?? '';
    expect(summary).toContain('Implemented on is required');
    expect(summary).toContain('What changed in operations is required');

    await editor().getByLabel('Implemented on').fill(daysAgo(60));
    await editor()
      .getByLabel('What changed in operations')
      .fill('Handlers offer a same-day video call at first notification; assessors visit only when the video cannot settle it.');
    await editor().getByLabel('People trained').fill('45');
    await editor().getByLabel('Usage so far').fill('38');
    await editor().getByLabel('Spent so far, business').fill('62,000');
    await editor().getByLabel('Spent so far, technology').fill('55,000');
    await saveCase();
    const adoption = page.getByRole('progressbar', { name: 'People trained' });
    expect(await adoption.getAttribute('aria-valuetext')).toBe('45 of 60 people trained (75%)');
    await pressGate('Mark implemented');
    expect(await stage()).toBe('Implemented');
    await screenshot('15-implemented');

    // The worker computes each KPI within about a minute of start; until Claims NPS has results
    // after the implementation date, the measured gate says so.
    await expect
      .poll(
        async () => {
          if ((await stage()) === 'Measured') return true;
          await pressGate('Mark measured');
          if ((await stage()) === 'Measured') return true;
          expect(await refusal().textContent()).toContain('KPI has no results after the implementation date yet');
          return false;
        },
        { timeout: 110_000, interval: 5_000 },
      )
      .toBe(true);
    await page.getByRole('heading', { name: /^Measured on / }).waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Measured');
    await screenshot('16-measured');
  });

  it('counts the funded cost against the team’s budget', async () => {
    await page.goto(`${server.url}/backlog/budgets`);
    await page.getByRole('heading', { name: 'Budgets', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`^${TEAM}`) });
    await row.waitFor();
    // Committed includes this initiative's £170,000: one-off plus a year of running it.
    const committed = Number(((await row.locator('td').nth(3).textContent()) ?? '').replace(/[£,]/g, ''));
    expect(committed).toBeGreaterThanOrEqual(170_000);
    await page
      .getByRole('img', { name: new RegExp(`^Budget, committed and spent by team\\. .*${TEAM}: budget £[\\d,]+, committed £[\\d,]+`) })
      .waitFor();
    await page
      .getByRole('region', { name: 'Systems the money changes' })
      .getByText(/ClaimsCore · \d+ initiatives?/)
      .first()
      .waitFor();
    await screenshot('17-budgets');

    await page.goto(`${server.url}/backlog?stage=measured`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await screenshot('18-board-measured');
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/backlog`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await screenshot('19-board-narrow', false);
    await page.goto(initiativeUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot('20-initiative-narrow');
    await page.goto(`${server.url}/backlog/budgets`);
    await page.getByRole('heading', { name: 'Budgets', level: 1 }).waitFor();
    await page.locator('.budget-chart').waitFor();
    await screenshot('21-budgets-narrow');
  });
});
