import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { Z95 } from './kpi-value.schema.ts';
import { type Moments, sampleVariance } from './mean.ts';
import type { NpsCounts } from './nps.ts';

export type ChangeMethod = 'nps-adjusted-wald-difference' | 'newcombe-score-difference' | 'welch-t';

/** The method's name as people read it, beside a p-value. */
export const CHANGE_METHOD_LABEL: Record<ChangeMethod, string> = {
  'nps-adjusted-wald-difference': 'adjusted-Wald difference',
  'newcombe-score-difference': 'Newcombe score interval',
  'welch-t': "Welch's t-test",
};

/** A movement between two periods (or before vs after), tested at p < 0.05 as PRODUCT.md says. */
export interface Change {
  /** After minus before, in the KPI's own unit (NPS points, percentage points, the mean's unit). */
  difference: number;
  /** The 95% interval of the difference, in the same unit; null when it cannot be given. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Two-sided p-value; null when not tested. */
  pValue: number | null;
  /** p < 0.05 and the interval leaves out 0; false whenever not tested. */
  significant: boolean;
  method: ChangeMethod;
  /** False when either period is below the KPI's minimum sample (or cannot be tested): no claim is made. */
  tested: boolean;
}

export interface Share {
  positives: number;
  n: number;
}

/** A difference with no claim made about it. */
export function untestedChange(difference: number, method: ChangeMethod): Change {
  return { difference, ciLow: null, ciHigh: null, pValue: null, significant: false, method, tested: false };
}

const twoSidedNormal = (z: number) => 2 * normalCdf(-Math.abs(z), 0, 1);

/**
 * NPS on the adjusted-Wald variances (PRODUCT.md): per period n′ = n + 3, p′ = (P + 0.75)/n′,
 * d′ = (D + 0.75)/n′, Var′ = p′ + d′ − (p′ − d′)²; z = (NPS′₂ − NPS′₁)/√(Var′₁/n′₁ + Var′₂/n′₂).
 * The plain variances are 0 for a period of all promoters and blow up z at small n; the
 * adjusted ones never are.
 *
 * The difference reported is the plain ΔNPS = NPS₂ − NPS₁. The interval is centred on the
 * adjusted difference, so that it and the z-test agree (it leaves out 0 exactly when p < 0.05),
 * and is widened where needed to hold the plain difference, as the single-period interval
 * is; in the rare case where the widening takes it across 0 (the adjusted and plain
 * differences of opposite sign), no significance is claimed.
 *
 * An empty period counts as NPS 0, as its KPI value does, and the change is untested.
 */
export function compareNps(before: NpsCounts, after: NpsCounts): Change {
  const value = (c: NpsCounts) => (c.n > 0 ? (100 * (c.promoters - c.detractors)) / c.n : 0);
  const difference = value(after) - value(before);
  if (before.n <= 0 || after.n <= 0) return untestedChange(difference, 'nps-adjusted-wald-difference');
  const adjusted = (c: NpsCounts) => {
    const nAdj = c.n + 3;
    const p = (c.promoters + 0.75) / nAdj;
    const d = (c.detractors + 0.75) / nAdj;
    return { centre: p - d, variance: (p + d - (p - d) ** 2) / nAdj };
  };
  const a = adjusted(before);
  const b = adjusted(after);
  const centre = 100 * (b.centre - a.centre);
  const se = 100 * Math.sqrt(a.variance + b.variance);
  const ciLow = Math.min(difference, centre - Z95 * se);
  const ciHigh = Math.max(difference, centre + Z95 * se);
  const pValue = twoSidedNormal(centre / se);
  return {
    difference,
    ciLow,
    ciHigh,
    pValue,
    significant: pValue < 0.05 && (ciLow > 0 || ciHigh < 0),
    method: 'nps-adjusted-wald-difference',
    tested: true,
  };
}

/** Wilson's score interval for one proportion at normal quantile z. */
function wilson({ positives, n }: Share, z: number): { p: number; low: number; high: number } {
  const p = positives / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly p; rounding must not put it on the wrong side.
  return { p, low: positives === 0 ? 0 : Math.min(p, centre - half), high: positives === n ? 1 : Math.max(p, centre + half) };
}

/**
 * Newcombe's hybrid score interval (1998, method 10) for p₂ − p₁ at quantile z: from the Wilson
 * intervals (l, u) of each, L = θ − √((p₂ − l₂)² + (u₁ − p₁)²), U = θ + √((u₂ − p₂)² + (p₁ − l₁)²).
 */
export function newcombeInterval(before: Share, after: Share, z = Z95): { difference: number; low: number; high: number } {
  const one = wilson(before, z);
  const two = wilson(after, z);
  const difference = two.p - one.p;
  return {
    difference,
    low: difference - Math.sqrt((two.p - two.low) ** 2 + (one.high - one.p) ** 2),
    high: difference + Math.sqrt((two.high - two.p) ** 2 + (one.p - one.low) ** 2),
  };
}

/**
 * The z at which the Newcombe interval's bound nearest 0 touches it, by bisection (the bounds
 * move away from the difference as z grows); a p-value to match the interval.
 */
function newcombeZ(before: Share, after: Share, difference: number): number {
  if (difference === 0) return 0;
  const crosses = (z: number) => {
    const { low, high } = newcombeInterval(before, after, z);
    return difference > 0 ? low <= 0 : high >= 0;
  };
  let low = 0;
  let high = 40;
  if (!crosses(high)) return high;
  for (let i = 0; i < 60 && high - low > 1e-9; i++) {
    const mid = (low + high) / 2;
    if (crosses(mid)) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}

/**
 * Two shares (CSAT top box, CES % agree, rates) in percentage points: Newcombe's hybrid score
 * interval for the difference, significant when it leaves out 0, with the p-value found by
 * inverting it (p = 2(1 − Φ(z*)), z* where a bound touches 0). Unlike the Wald test it stays
 * honest at 0 or n successes and at small n. An empty period counts as 0% and is untested.
 */
export function compareProportions(before: Share, after: Share): Change {
  const share = (s: Share) => (s.n > 0 ? (100 * s.positives) / s.n : 0);
  if (before.n <= 0 || after.n <= 0) return untestedChange(share(after) - share(before), 'newcombe-score-difference');
  const { difference, low, high } = newcombeInterval(before, after);
  const pValue = difference === 0 ? 1 : twoSidedNormal(newcombeZ(before, after, difference));
  return {
    difference: 100 * difference,
    ciLow: 100 * low,
    ciHigh: 100 * high,
    pValue,
    significant: low > 0 || high < 0,
    method: 'newcombe-score-difference',
    tested: true,
  };
}

/**
 * Two means (CES, resolution hours): Welch's t-test, t = Δ/√(s₁²/n₁ + s₂²/n₂) on the
 * Welch–Satterthwaite degrees of freedom, interval Δ ± t₀.₉₇₅·se. Untested with fewer than two
 * values on either side, or when neither period varies at all: there is then no spread to
 * judge a difference against (a difference of two constant periods is not a sampling claim).
 */
export function compareMeans(before: Moments, after: Moments): Change {
  const mean = (m: Moments) => (m.n > 0 ? m.sum / m.n : 0);
  const difference = mean(after) - mean(before);
  if (before.n < 2 || after.n < 2) return untestedChange(difference, 'welch-t');
  const v1 = sampleVariance(before) / before.n;
  const v2 = sampleVariance(after) / after.n;
  if (!(v1 + v2 > 0)) return untestedChange(difference, 'welch-t');
  const se = Math.sqrt(v1 + v2);
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (before.n - 1) + v2 ** 2 / (after.n - 1));
  const half = tQuantile(0.975, df) * se;
  const pValue = 2 * tCdf(-Math.abs(difference / se), df);
  return {
    difference,
    ciLow: difference - half,
    ciHigh: difference + half,
    pValue,
    significant: pValue < 0.05,
    method: 'welch-t',
    tested: true,
  };
}
