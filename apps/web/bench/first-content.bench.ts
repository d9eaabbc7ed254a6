import type { Browser, BrowserContext } from 'playwright-core';
import { report, type Figure } from '../../api/bench/report.ts';
import { startAppServer } from '../e2e/app-server.ts';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../e2e/browser-session.ts';
import { DEFAULT_CHROMIUM_PATH, launchChromium } from '../e2e/chromium-browser.ts';

// How long the built app takes, in Chromium, from navigation to its first useful content: the
// dashboard's first KPI figure and the blueprint of a journey, each with an empty cache (a new
// browser context) and a warm one (the same context, assets cached). The floor beside each is
// the sign-in form in the same run: the app booting with no data to fetch. WEB_DIST measures a
// build made elsewhere (e.g. main's, for a before/after).
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VIEWPORT = { width: 1440, height: 900 };
const DASHBOARD_CONTENT = '.kpi-card__figure';
const BLUEPRINT_CONTENT = 'table.blueprint';
const SIGN_IN_CONTENT = 'input[type="email"]';

interface Load {
  /** From navigation start to the frame after the content is in the document and has a box. */
  ms: number;
  /** JavaScript arrived by then, as it crossed the network (compressed, headers included; 0 from the cache). */
  jsTransferBytes: number;
  /** JavaScript arrived by then, compressed as sent, cached or not. */
  jsEncodedBytes: number;
  jsFiles: number;
}

declare global {
  interface Window {
    __firstContentMs?: number;
  }
}

/** Opens `url` in a new page of `context` and times its first `selector` that is laid out. */
async function load(context: BrowserContext, url: string, selector: string): Promise<Load> {
  const page = await context.newPage();
  try {
    // As a string: tsx would otherwise wrap the functions in its own helpers, unknown in the page.
    await page.addInitScript(`{
      const check = () => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el || el.getClientRects().length === 0) return;
        observer.disconnect();
        requestAnimationFrame(() => (window.__firstContentMs = performance.now()));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true });
    }`);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstContentMs !== undefined, undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const ms = window.__firstContentMs ?? NaN;
      // The scripts that had arrived by then: what the content waited for, not what followed it (the charts).
      const scripts = performance
        .getEntriesByType('resource')
        .filter(
          (e): e is PerformanceResourceTiming =>
            e instanceof PerformanceResourceTiming && new URL(e.name).pathname.endsWith('.js') && e.responseEnd <= ms,
        );
      return {
        ms,
        jsTransferBytes: scripts.reduce((s, e) => s + e.transferSize, 0),
        jsEncodedBytes: scripts.reduce((s, e) => s + e.encodedBodySize, 0),
        jsFiles: scripts.length,
      };
    });
  } finally {
    await page.close();
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `RUNS` loads, each in a fresh context (cold) or all in one primed context (warm). */
async function measure(
  browser: Browser,
  signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  url: string,
  selector: string,
) {
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT, storageState: signedIn });
    cold.push(await load(context, url, selector));
    await context.close();
  }
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: signedIn });
  await load(context, url, selector);
  const warm: Load[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await load(context, url, selector));
  await context.close();
  return {
    coldMs: median(cold.map((l) => l.ms)),
    warmMs: median(warm.map((l) => l.ms)),
    coldJsTransferBytes: median(cold.map((l) => l.jsTransferBytes)),
    warmJsTransferBytes: median(warm.map((l) => l.jsTransferBytes)),
    jsEncodedBytes: median(cold.map((l) => l.jsEncodedBytes)),
    jsFiles: median(cold.map((l) => l.jsFiles)),
  };
}

const server = await startAppServer(process.env);
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH);
try {
  const setup = await browser.newContext({ viewport: VIEWPORT });
  const page = await setup.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
  const signedIn = await setup.storageState();

  // A fresh server's worker computes every KPI within a minute or two: measure once it has,
  // so the cards show figures and the worker is not competing for the CPU.
  await page.goto(`${server.url}/kpis`);
  await page.locator('.kpi-card').first().waitFor({ timeout: 60_000 });
  const deadline = Date.now() + 240_000;
  while ((await page.locator('.kpi-card__figure').count()) < (await page.locator('.kpi-card').count())) {
    if (Date.now() > deadline) throw new Error('The worker did not compute every KPI within 4 minutes.');
    await page.waitForTimeout(2_000);
  }
  await page.goto(`${server.url}/journeys`);
  const journeyPath = await page.locator('a[href^="/journeys/"]').first().getAttribute('href');
  if (!journeyPath) throw new Error('The demo organisation has no journey to open.');
  await setup.close();

  const signIn = await measure(browser, undefined, `${server.url}/sign-in`, SIGN_IN_CONTENT);
  const dashboard = await measure(browser, signedIn, `${server.url}/kpis`, DASHBOARD_CONTENT);
  const blueprint = await measure(browser, signedIn, `${server.url}${journeyPath}`, BLUEPRINT_CONTENT);

  const kb = (bytes: number) => bytes / 1024;
  console.log(`\nFirst useful content in Chromium, median of ${RUNS} loads (${process.platform}, ${browser.version()})`);
  for (const [name, m] of Object.entries({ 'sign-in': signIn, dashboard, blueprint })) {
    console.log(
      `  ${name.padEnd(10)} JS: ${m.jsFiles} files, ${kb(m.jsEncodedBytes).toFixed(1)} KB compressed; over the network ${kb(m.coldJsTransferBytes).toFixed(1)} KB cold, ${kb(m.warmJsTransferBytes).toFixed(1)} KB warm`,
    );
  }
  const figures: Figure[] = [
    {
      name: 'dashboard first useful content, Chromium',
      value: dashboard.coldMs,
      unit: 'ms',
      baselineName: 'sign-in form, empty cache',
      baselineValue: signIn.coldMs,
    },
    {
      name: 'dashboard first useful content, warm',
      value: dashboard.warmMs,
      unit: 'ms',
      baselineName: 'sign-in form, warm cache',
      baselineValue: signIn.warmMs,
    },
    {
      name: 'blueprint first useful content, Chromium',
      value: blueprint.coldMs,
      unit: 'ms',
      baselineName: 'sign-in form, empty cache',
      baselineValue: signIn.coldMs,
    },
    {
      name: 'blueprint first useful content, warm',
      value: blueprint.warmMs,
      unit: 'ms',
      baselineName: 'sign-in form, warm cache',
      baselineValue: signIn.warmMs,
    },
    {
      name: 'dashboard JavaScript sent, empty cache',
      value: kb(dashboard.coldJsTransferBytes),
      unit: 'KB',
      baselineName: 'sign-in page JavaScript sent, empty cache',
      baselineValue: kb(signIn.coldJsTransferBytes),
    },
  ];
  report(figures);
} finally {
  await browser.close();
  await server.stop();
}
