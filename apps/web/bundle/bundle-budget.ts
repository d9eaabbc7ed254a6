import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Most bytes allowed, gzipped as a browser without brotli would receive them. */
export interface BundleBudget {
  /** What the first page needs: the entry chunk, every chunk it imports statically, and their CSS. */
  entry: number;
  /** Any one JavaScript chunk or stylesheet. */
  file: number;
}

/** One output file as the budget sees it. */
export interface BundleFile {
  fileName: string;
  /** Gzipped size in bytes. */
  bytes: number;
  isEntry: boolean;
  /** Chunks this one imports statically (loaded with it, before it runs). */
  imports: readonly string[];
  /** Stylesheets loaded with this chunk. */
  css: readonly string[];
}

export interface BudgetReport {
  /** The files the first page needs, entry first. */
  entryFiles: string[];
  entryBytes: number;
  largest: BundleFile | null;
  /** One sentence per budget exceeded; empty when the bundle fits. */
  problems: string[];
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Measures a bundle against its budget; pure, so it is tested without building anything. */
export function checkBundleBudget(files: readonly BundleFile[], budget: BundleBudget): BudgetReport {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const entryFiles: string[] = [];
  const visit = (name: string) => {
    const file = byName.get(name);
    if (!file || entryFiles.includes(name)) return;
    entryFiles.push(name);
    for (const css of file.css) visit(css);
    for (const imported of file.imports) visit(imported);
  };
  for (const file of files) if (file.isEntry) visit(file.fileName);
  const entryBytes = entryFiles.reduce((sum, name) => sum + (byName.get(name)?.bytes ?? 0), 0);

  const problems: string[] = [];
  if (entryBytes > budget.entry) {
    problems.push(
      `The first page needs ${kb(entryBytes)}, over its budget of ${kb(budget.entry)}: ${entryFiles.map((n) => `${n} (${kb(byName.get(n)!.bytes)})`).join(', ')}.`,
    );
  }
  const sorted = [...files].sort((a, b) => b.bytes - a.bytes);
  for (const file of sorted.filter((f) => f.bytes > budget.file)) {
    problems.push(`${file.fileName} is ${kb(file.bytes)}, over the budget of ${kb(budget.file)} for any one file.`);
  }
  return { entryFiles, entryBytes, largest: sorted[0] ?? null, problems };
}

/**
 * Fails the build when the first page's code, or any one file, outgrows its budget (gzip sizes,
 * computed from the final output), and otherwise says how close each is.
 */
export function bundleBudget(budget: BundleBudget, where = 'apps/web/vite.config.ts'): Plugin {
  let log: (message: string) => void = console.log;
  return {
    name: 'throughline:bundle-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      log = (message) => config.logger.info(message);
    },
    generateBundle(_options, bundle) {
      const files: BundleFile[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') {
          files.push({
            fileName: output.fileName,
            bytes: gzipSync(output.code).length,
            isEntry: output.isEntry,
            imports: output.imports,
            css: [...(output.viteMetadata?.importedCss ?? [])],
          });
        } else if (output.fileName.endsWith('.css')) {
          files.push({ fileName: output.fileName, bytes: gzipSync(output.source).length, isEntry: false, imports: [], css: [] });
        }
      }
      const report = checkBundleBudget(files, budget);
      if (report.problems.length > 0) {
        this.error(`Bundle budget exceeded (gzip sizes; budgets in ${where}):\n  ${report.problems.join('\n  ')}`);
      }
      log(
        `Bundle budget (gzip): first page ${kb(report.entryBytes)} of ${kb(budget.entry)}; largest file ${report.largest?.fileName ?? '-'} ${kb(report.largest?.bytes ?? 0)} of ${kb(budget.file)}.`,
      );
    },
  };
}
