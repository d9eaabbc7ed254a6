import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { KpiKind } from '../../kpi/kpi.schema.ts';
import { sampleVariance } from '../../metrics/mean.ts';
import type { KpiAggregate } from '../../metrics/kpi-aggregate.ts';
import type { Design } from './counterfactual.schema.ts';
import { designPrecision, neweyWestLag } from './least-squares.ts';
import { segmentedDesign, type WeekSlot } from './segmented-design.ts';
import { MIN_WEEKS_AFTER, MIN_WEEKS_BEFORE, weeksAround } from './week-calendar.ts';

/**
 * The variance of one answer's contribution to a KPI, in the KPI's points squared, from its
 * aggregate:
 * - NPS on the ±100 scale: 100²·(p₊ + p₋ − (p₊ − p₋)²), each answer being +100, 0 or −100;
 * - a share (CSAT top box, CES % agree, a rate), in percentage points: 100²·p(1 − p);
 * - a mean (CES, resolution hours): the sample variance.
 * Null when there are too few answers to say (none, or one for a mean) and for the kinds that
 * are not an average of answers — a median or p90 (whose variance depends on the shape of
 * the distribution), a count or sum (which grows with volume rather than averaging it), a
 * ratio (two volumes at once): `varianceUnavailable` says why in words.
 */
export function perResponseVariance(kind: KpiKind, aggregate: KpiAggregate): number | null {
  const { n } = aggregate;
  switch (kind) {
    case 'nps': {
      if (n <= 0) return null;
      const promoters = aggregate.positives / n;
      const detractors = aggregate.negatives / n;
      return 100 ** 2 * (promoters + detractors - (promoters - detractors) ** 2);
    }
    case 'csat':
    case 'ces_agree':
    case 'rate': {
      if (n <= 0) return null;
      const p = aggregate.positives / n;
      return 100 ** 2 * p * (1 - p);
    }
    case 'ces':
    case 'mean':
      return n >= 2 ? sampleVariance({ n, sum: aggregate.sum, sumSquares: aggregate.sumSquares }) : null;
    case 'median':
    case 'p90':
    case 'count':
    case 'sum':
    case 'ratio':
      return null;
  }
}

/** Why a KPI of this kind has no minimum detectable effect, or null when it can have one. */
export function varianceUnavailable(kind: KpiKind): string | null {
  switch (kind) {
    case 'median':
    case 'p90':
      return `A ${kind === 'median' ? 'median' : '90th percentile'} has no simple per-answer variance, so no detectable effect is worked out for it.`;
    case 'count':
    case 'sum':
      return `A ${kind} grows with volume rather than averaging answers, so no detectable effect is worked out for it.`;
    case 'ratio':
      return 'A ratio of two volumes has no per-answer variance, so no detectable effect is worked out for it.';
    default:
      return null;
  }
}

/** The go-live an interrupted time series' MDE assumes when none is planned: mid-month, as most are. */
const NOTIONAL_GO_LIVE = '2026-06-15';

/** Days in an average month (365.25 / 12), to turn answers a month into answers in a window. */
export const DAYS_PER_MONTH = 30.4375;

/** The standard normal quantile, by bisection on its distribution function: a handful of calls, no library needed. */
export function normalQuantile(probability: number): number {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-13; i++) {
    const mid = (low + high) / 2;
    if (normalCdf(mid, 0, 1) < probability) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export interface DetectableEffectInput {
  /** Per-answer variance in the KPI's points squared (`perResponseVariance`). */
  variance: number;
  /** Answers a month reaching the changed customers. */
  perMonth: number;
  /** The measurement window, each side of the change (90 = the acid test's). */
  windowDays: number;
  design: Design;
  /** Two-sided significance level, default 0.05. */
  alpha?: number;
  /** Chance of detecting a true effect of the returned size, default 0.8. */
  power?: number;
  /** Difference in differences: answers a month from the comparison customers; default the same as `perMonth`. */
  comparisonPerMonth?: number;
  /** The weekly designs: weeks before the change they are fitted on; default the window, at least 8. */
  weeksBefore?: number;
  /**
   * Interrupted time series: the planned go-live date (default a mid-June Monday). It matters
   * only with a year or so of history, where whether a month appears once or twice decides how
   * well the season is told from the trend.
   */
  startsOn?: string;
}

/**
 * The smallest true effect the design detects with the given power at two-sided level α:
 * MDE = (q_{1−α/2} + q_{power}) · SE (Bloom 1995, "Minimum detectable effects"), with SE the
 * design's standard error at these volumes and q the quantiles its test uses:
 * - before_after: each side gets n = perMonth · windowDays / 30.44 answers and
 *   SE² = σ²/n_before + σ²/n_after = 2σ²/n; normal quantiles, as the acid test's tests are
 *   normal at the sizes they are made at.
 * - difference_in_differences: the same for the changed customers plus the same for the
 *   comparison, SE² = σ²(1/n_before + 1/n_after) + σ²(1/n′_before + 1/n′_after): twice the
 *   before/after variance when the two are the same size.
 * - interrupted_time_series: weekly values with variance σ²/n_week each, so
 *   SE² = (σ²/n_week)·cᵀ(XᵀX)⁻¹c for the estimator's own regression and contrast — trend, level
 *   and slope change, and with a year or more of history the month-of-year terms — on the weeks
 *   around the planned go-live date. With as many weeks before as after this
 *   is about 7 times the before/after variance (a trend projected over the window is uncertain);
 *   with exactly a year of history the season is learned from one year and the variance is far
 *   larger still; with two or three years it comes down again.
 * The weekly designs are tested on Student's t with the degrees of freedom their corrected
 * Newey–West interval has for this many weeks, so their quantiles are t's: on 13 weeks a side
 * the normal's would promise an effect a tenth (difference in differences) to a third (time
 * series) smaller than the tests can see. Their weeks are the estimators': the window after, and
 * before it `weeksBefore` (default the window again, at least 8).
 * Weekly shocks beyond sampling noise (campaigns, backlogs) make every design's true MDE larger.
 * Null when the inputs leave nothing to compute: no variance, no answers, a window shorter than
 * the design needs.
 */
export function minimumDetectableEffect(input: DetectableEffectInput): number | null {
  const { variance, perMonth, windowDays, design, alpha = 0.05, power = 0.8 } = input;
  if (!(variance > 0 && perMonth > 0 && windowDays > 0 && alpha > 0 && alpha < 1 && power > 0 && power < 1)) return null;
  const perSide = (perMonth * windowDays) / DAYS_PER_MONTH;
  if (design === 'before_after') return (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * Math.sqrt((2 * variance) / perSide);

  const weeksAfter = Math.round(windowDays / 7);
  const weeksBefore = Math.round(input.weeksBefore ?? Math.max(weeksAfter, MIN_WEEKS_BEFORE));
  if (weeksAfter < MIN_WEEKS_AFTER || weeksBefore < MIN_WEEKS_BEFORE) return null;
  const perWeek = (perMonth * 7) / DAYS_PER_MONTH;
  const weeks = weeksBefore + weeksAfter;
  const options = { lag: neweyWestLag(weeks) };
  const multiplier = (degreesOfFreedom: number) => tQuantile(1 - alpha / 2, degreesOfFreedom) + tQuantile(power, degreesOfFreedom);

  if (design === 'difference_in_differences') {
    const comparisonPerWeek = ((input.comparisonPerMonth ?? perMonth) * 7) / DAYS_PER_MONTH;
    if (!(comparisonPerWeek > 0)) return null;
    const perAnswer = (1 / weeksBefore + 1 / weeksAfter) * (1 / perWeek + 1 / comparisonPerWeek);
    const rows = Array.from({ length: weeks }, (_, t) => [1, t >= weeksBefore ? 1 : 0]);
    const design = designPrecision(rows, [0, 1], options);
    return design && multiplier(design.degreesOfFreedom) * Math.sqrt(variance * perAnswer);
  }

  // The estimator's own design on the weeks around the go-live date.
  const { lastBefore, firstAfter } = weeksAround(input.startsOn ?? NOTIONAL_GO_LIVE);
  const earliest = lastBefore - 7 * (weeksBefore - 1);
  const slots: WeekSlot[] = [
    ...Array.from({ length: weeksBefore }, (_, t) => ({ monday: earliest + 7 * t, t, after: false })),
    ...Array.from({ length: weeksAfter }, (_, k) => ({ monday: firstAfter + 7 * k, t: (firstAfter - earliest) / 7 + k, after: true })),
  ];
  const { row, weights } = segmentedDesign(slots, (firstAfter - earliest) / 7);
  const its = designPrecision(
    slots.map((s) => row(s)),
    weights,
    { ...options, times: slots.map((s) => s.t) },
  );
  return its && multiplier(its.degreesOfFreedom) * Math.sqrt((variance / perWeek) * its.variance);
}
