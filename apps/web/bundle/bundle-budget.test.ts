import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleBudget, checkBundleBudget, type BundleFile } from './bundle-budget.ts';

const KB = 1024;

function chunk(fileName: string, kb: number, more: Partial<BundleFile> = {}): BundleFile {
  return { fileName, bytes: kb * KB, isEntry: false, imports: [], css: [], ...more };
}

// An entry importing React and a stylesheet, a page loaded later importing the charts.
const BUNDLE = [
  chunk('assets/index.js', 20, { isEntry: true, imports: ['assets/react.js'], css: ['assets/index.css'] }),
  chunk('assets/react.js', 100),
  chunk('assets/index.css', 15),
  chunk('assets/kpis-page.js', 10, { imports: ['assets/react.js', 'assets/charts.js'] }),
  chunk('assets/charts.js', 130),
];

describe('checkBundleBudget', () => {
  it('counts what the first page loads: the entry, its static imports and their stylesheets, not later pages', () => {
    const report = checkBundleBudget(BUNDLE, { entry: 200 * KB, file: 150 * KB });
    expect(report.entryFiles).toEqual(['assets/index.js', 'assets/index.css', 'assets/react.js']);
    expect(report.entryBytes).toBe(135 * KB);
    expect(report.largest?.fileName).toBe('assets/charts.js');
    expect(report.problems).toEqual([]);
  });

  it('names each chunk over the budget for one file, with its size and the budget', () => {
    const report = checkBundleBudget(BUNDLE, { entry: 200 * KB, file: 99 * KB });
    expect(report.problems).toEqual([
      'assets/charts.js is 130.0 KB, over the budget of 99.0 KB for any one file.',
      'assets/react.js is 100.0 KB, over the budget of 99.0 KB for any one file.',
    ]);
  });

  it('names the first page’s files and their sizes when together they are over budget', () => {
    const report = checkBundleBudget(BUNDLE, { entry: 120 * KB, file: 150 * KB });
    expect(report.problems).toEqual([
      'The first page needs 135.0 KB, over its budget of 120.0 KB: assets/index.js (20.0 KB), assets/index.css (15.0 KB), assets/react.js (100.0 KB).',
    ]);
  });
});

describe('the bundle budget in a Vite build', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/main.js"></script>');
  // Random-looking text barely compresses: the entry is about 5 KB gzipped, the page it loads later about 7 KB.
  const noise = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 104729).toString(36)).join('');
  writeFileSync(join(root, 'main.js'), `console.log(${JSON.stringify(noise(1500))}); import('./page.js');`);
  writeFileSync(join(root, 'page.js'), `export const page = ${JSON.stringify(noise(3000))};`);
  const buildWith = (budget: { entry: number; file: number }) =>
    build({
      root,
      logLevel: 'silent',
      configFile: false,
      build: { outDir: join(root, 'dist'), write: false },
      plugins: [bundleBudget(budget, 'the test')],
    });

  it('passes a bundle within its budget', async () => {
    await expect(buildWith({ entry: 20 * KB, file: 20 * KB })).resolves.toBeDefined();
  });

  it('fails the build, naming the chunk over budget and both sizes', async () => {
    await expect(buildWith({ entry: 20 * KB, file: 6 * KB })).rejects.toThrow(
      /Bundle budget exceeded \(gzip sizes; budgets in the test\):\n {2}assets\/page-[\w-]+\.js is \d+\.\d KB, over the budget of 6\.0 KB for any one file\./,
    );
  });

  it('fails the build when the first page needs more than its budget', async () => {
    await expect(buildWith({ entry: 2 * KB, file: 20 * KB })).rejects.toThrow(
      /The first page needs \d+\.\d KB, over its budget of 2\.0 KB: assets\/index-[\w-]+\.js \(\d+\.\d KB\)\./,
    );
  });
});
