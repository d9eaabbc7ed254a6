import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium package puts the browser here. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Launches the machine's Chromium; never downloads one. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with \`apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
