import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baselineName: string;
  baselineValue: number;
}

/** Prints each figure beside its baseline and, when BENCH_JSON names a file, writes them all. */
export function report(figures: Figure[]): void {
  const rows = figures.map((f) => ({ ...f, ratio: f.baselineValue === 0 ? null : f.value / f.baselineValue }));
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(2));
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(38)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(7)} | ${r.baselineName.padEnd(44)} ${fmt(r.baselineValue).padStart(10)} ${r.unit.padEnd(7)} | ratio ${r.ratio === null ? 'n/a' : r.ratio.toFixed(2)}`,
    );
  }
  const file = process.env.BENCH_JSON;
  if (!file) return;
  // Relative to where `pnpm bench` was typed, not to this package. Each bench script adds its
  // figures to the file, replacing earlier ones of the same name.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const earlier = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { name: string }[]) : [];
  const names = new Set(rows.map((r) => r.name));
  writeFileSync(path, `${JSON.stringify([...earlier.filter((e) => !names.has(e.name)), ...rows], null, 2)}\n`);
}
