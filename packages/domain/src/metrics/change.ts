import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { type Moments, sampleVariance } from './mean.ts';
import { npsVariance, type NpsCounts } from './nps.ts';

export type ChangeMethod = 'nps-adjusted-wald-difference' | 'newcombe-score-difference' | 'welch-t';
export const CHANGE_METHOD_LABEL: Record<ChangeMethod, string> = {
  'nps-adjusted-wald-difference': 'adjusted-Wald difference',
  'newcombe-score-difference': 'Newcombe score interval',
  'welch-t': "Welch's t-test",
};

/** A movement between two periods (or before vs after), tested at p < 0.05 as PRODUCT.md says. */
export interface Change {
  ciLow: number | null;
  ciHigh: number | null;
  method: ChangeMethod;
  tested: boolean;
  /** After minus before, in the KPI's own unit (NPS points, percentage points, the mean's unit). */
  difference: number;
  /** Standard error of the difference, in the same unit. */
  standardError: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number | null;
  significant: boolean;
}

function test(difference: number, standardError: number, method: ChangeMethod = 'welch-t'): Change {
  if (!(standardError > 0)) return { difference, standardError: 0, z: 0, pValue: null, significant: false, ciLow: null, ciHigh: null, method, tested: false };
  const z = difference / standardError;
  const pValue = 2 * (1 - normalCdf(Math.abs(z), 0, 1));
  return { difference, standardError, z, pValue, significant: pValue < 0.05, ciLow: difference - 1.96 * standardError, ciHigh: difference + 1.96 * standardError, method, tested: true };
}

/** NPS: z = ΔNPS / √(Var₁/n₁ + Var₂/n₂), with each Var the per-response variance of (+1, 0, −1). */
export function compareNps(before: NpsCounts, after: NpsCounts): Change {
  const value = (c: NpsCounts) => (c.n > 0 ? (100 * (c.promoters - c.detractors)) / c.n : 0);
  const se = 100 * Math.sqrt((before.n > 0 ? npsVariance(before) / before.n : 0) + (after.n > 0 ? npsVariance(after) / after.n : 0));
  return test(value(after) - value(before), before.n > 0 && after.n > 0 ? se : 0);
}

/** Two shares (CSAT, rates) as percentages: a two-proportion z-test with unpooled variance. */
export function compareProportions(before: { positives: number; n: number }, after: { positives: number; n: number }): Change {
  if (before.n <= 0 || after.n <= 0) return test(0, 0);
  const p1 = before.positives / before.n;
  const p2 = after.positives / after.n;
  const se = 100 * Math.sqrt((p1 * (1 - p1)) / before.n + (p2 * (1 - p2)) / after.n);
  return test(100 * (p2 - p1), se);
}

/** Two means (CES, resolution time): Welch's z on the sample variances. */
export function compareMeans(before: Moments, after: Moments): Change {
  if (before.n < 2 || after.n < 2) return test(0, 0);
  const se = Math.sqrt(sampleVariance(before) / before.n + sampleVariance(after) / after.n);
  return test(after.sum / after.n - before.sum / before.n, se);
}
