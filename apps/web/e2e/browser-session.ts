import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server.ts';
import { DEFAULT_CHROMIUM_PATH, launchChromium } from './chromium-browser.ts';

// The seed's DEMO_SIGN_IN (packages/db); written out here so the web app never depends on db.
export const DEMO_EMAIL = 'admin@harbour.example';
export const DEMO_PASSWORD = 'harbour-demo-2026';

/** Where browser tests leave their screenshots, to be looked at. */
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));

export interface BrowserSession {
  server: AppServer;
  browser: Browser;
  page: Page;
}

/** Debian's Chromium and the built app on a fresh embedded database, for one test file. */
export async function openBrowserSession(env: NodeJS.ProcessEnv, viewport = { width: 1440, height: 900 }): Promise<BrowserSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await launchChromium(env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH);
  try {
    const server = await startAppServer(env);
    return { server, browser, page: await browser.newPage({ viewport }) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
