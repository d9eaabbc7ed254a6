import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServer } from './app-server.ts';
import { SCREENSHOTS, openBrowserSession } from './browser-session.ts';

const JOURNEY = 'Move home with Harbour';

let server: AppServer;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** The step names in the blueprint's header row, left to right. */
async function stepOrder(): Promise<string[]> {
  const handles = page.getByRole('region', { name: /Service blueprint for/ }).locator('[data-move-step]');
  return (await handles.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map((label) =>
    label.replace(/^Move “|”$/g, ''),
  );
}

async function addStep(stage: string, name: string, channel: string): Promise<void> {
  const form = page.getByRole('form', { name: `New step in ${stage}` });
  // The form stays open after adding, for the next step.
  if (!(await form.isVisible())) await page.getByRole('button', { name: `Add step to ${stage}` }).click();
  await form.getByLabel('New step’s name').fill(name);
  await form.getByLabel('New step’s channel').selectOption({ label: channel });
  await form.getByRole('button', { name: 'Add' }).click();
  await expect.poll(stepOrder, { timeout: 15_000 }).toContain(name);
}

describe('building a service blueprint from scratch', () => {
  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession(process.env, { width: 1600, height: 1000 }));
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@harbour.example');
    await page.getByLabel('Password').fill('harbour-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a journey and maps its stages and steps', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: 'New journey' }).click();
    const form = page.getByRole('form', { name: 'Map a new journey' });
    await form.getByLabel('Journey name').fill(JOURNEY);
    await form.getByLabel('Personas').fill('Homeowner, Landlord');
    await form.getByRole('button', { name: 'Create journey' }).click();
    await page.getByRole('heading', { name: JOURNEY, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No stages mapped yet' }).waitFor();
    await screenshot('20-new-journey-empty');

    await page.getByRole('button', { name: 'Start mapping' }).click();
    await page.getByLabel('First stage').fill('Tell us you are moving');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByLabel('Add a stage').fill('Settle in');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('status').filter({ hasText: 'Stage added.' }).waitFor();

    await addStep('Tell us you are moving', 'Fill in the moving form', 'Web');
    await addStep('Tell us you are moving', 'Confirm by phone', 'Phone');
    await addStep('Settle in', 'Receive new documents', 'Email');
    expect(await stepOrder()).toEqual(['Fill in the moving form', 'Confirm by phone', 'Receive new documents']);
  });

  it('edits the blueprint lanes and systems in place', async () => {
    await page.getByRole('button', { name: 'Edit Customer actions for Fill in the moving form (empty)' }).click();
    await page
      .getByRole('textbox', { name: 'Customer actions for Fill in the moving form' })
      .fill('Enters the new address and moving date');
    await page.keyboard.press('Control+Enter');
    await page
      .getByRole('button', { name: 'Edit Customer actions for Fill in the moving form: Enters the new address and moving date' })
      .waitFor();

    await page.getByRole('button', { name: 'Edit Backstage for Confirm by phone (empty)' }).click();
    await page.getByRole('textbox', { name: 'Backstage for Confirm by phone' }).fill('Adviser re-rates the cover for the new address');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Adviser re-rates the cover for the new address').waitFor();

    await page.getByRole('button', { name: 'Choose systems for Confirm by phone' }).click();
    // The box is ticked once the server has saved the choice.
    const rating = page.getByRole('checkbox', { name: 'Rating Engine' });
    await rating.click();
    await expect.poll(() => rating.isChecked(), { timeout: 15_000 }).toBe(true);
    // Rating Engine belongs to Pricing & Underwriting, which has no remit over this new journey.
    await page.getByText('Outside the journey’s remit').first().waitFor();
    await page.getByRole('button', { name: 'Done for Confirm by phone' }).click();

    await page.getByRole('button', { name: 'Depends on… for Receive new documents' }).click();
    const dependency = page.getByRole('checkbox', { name: 'Confirm by phone (Tell us you are moving)' });
    await dependency.click();
    await expect.poll(() => dependency.isChecked(), { timeout: 15_000 }).toBe(true);
    await page.getByText('After Confirm by phone').waitFor();
    await page.getByRole('button', { name: 'Done for Receive new documents' }).click();
    await screenshot('21-blueprint-edited');
  });

  it('moves a step with the keyboard, within a stage and across stages', async () => {
    const handle = page.getByRole('button', { name: 'Move “Confirm by phone”' });
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(stepOrder, { timeout: 15_000 }).toEqual(['Confirm by phone', 'Fill in the moving form', 'Receive new documents']);
    await page.getByRole('status').filter({ hasText: 'Moved “Confirm by phone” to position 1 in Tell us you are moving.' }).waitFor();
    // Focus stays on the moved step's handle, so the next key press moves it again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-move-step') !== null)).toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect.poll(stepOrder, { timeout: 15_000 }).toEqual(['Fill in the moving form', 'Confirm by phone', 'Receive new documents']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(stepOrder, { timeout: 15_000 }).toEqual(['Fill in the moving form', 'Confirm by phone', 'Receive new documents']);
    await page.getByRole('status').filter({ hasText: 'Moved “Confirm by phone” to position 1 in Settle in.' }).waitFor();
    await screenshot('22-blueprint-reordered');

    // The order survives a reload: it is the server's.
    await page.reload();
    await page.getByRole('heading', { name: JOURNEY, level: 1 }).waitFor();
    const stageHeaders = page.getByRole('region', { name: /Service blueprint for/ }).getByRole('columnheader');
    await expect.poll(() => stageHeaders.allTextContents()).toContain('Stage 2Settle in');
    await page
      .getByRole('button', { name: 'Done editing' })
      .or(page.getByRole('button', { name: 'Edit blueprint' }))
      .first()
      .waitFor();
    await screenshot('23-blueprint-read-only');
  });
});
