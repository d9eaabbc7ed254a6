import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from './vite.config.ts';

// Read as text: the web app imports nothing from the api but its types.
const appSource = readFileSync(new URL('../api/src/http/app.ts', import.meta.url), 'utf8');

describe('vite dev', () => {
  it('proxies every path the API serves, so downloads and health checks work in development too', () => {
    const served = [...appSource.matchAll(/app\.(?:get|post|use|all)\(\s*'(\/[^']*)'/g)].map((m) => m[1]!);
    expect(served.length).toBeGreaterThan(4);
    for (const path of served)
      expect(
        API_PATHS.some((p) => path === p || path.startsWith(`${p}/`)),
        path,
      ).toBe(true);
  });
});
