import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { SMALL_SAMPLE, type KpiValue } from './kpi-value.schema.ts';

/** What a mean needs, summable per day so that rollups add up: count, Σx and Σx². */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

export function momentsOf(values: readonly number[]): Moments {
  return values.reduce((m, x) => ({ n: m.n + 1, sum: m.sum + x, sumSquares: m.sumSquares + x * x }), { n: 0, sum: 0, sumSquares: 0 });
}

/** The sample variance (n − 1 in the denominator), never negative despite rounding. */
export function sampleVariance({ n, sum, sumSquares }: Moments): number {
  if (n < 2) return 0;
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

/** The mean with a 95% Student-t interval (n − 1 degrees of freedom); CES uses it. */
export function meanWithInterval(m: Moments): KpiValue {
  if (m.n <= 0) return { value: 0, n: 0, ciLow: null, ciHigh: null, method: 'mean-t-interval', smallSample: true };
  const mean = m.sum / m.n;
  if (m.n < 2) return { value: mean, n: m.n, ciLow: null, ciHigh: null, method: 'mean-t-interval', smallSample: true };
  const half = tQuantile(0.975, m.n - 1) * Math.sqrt(sampleVariance(m) / m.n);
  return { value: mean, n: m.n, ciLow: mean - half, ciHigh: mean + half, method: 'mean-t-interval', smallSample: m.n < SMALL_SAMPLE };
}

/** CES 2.0 (1–7, 7 = very easy): answers of 5–7 agree that it was easy. */
export function cesAgrees(score: number): boolean {
  return score >= 5;
}
