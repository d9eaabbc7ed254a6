import { DomainError } from '../../common/domain-error.ts';
import type { DidEstimate, Insufficient, RolloutGroup, WeekFigure } from './counterfactual.schema.ts';
import { correctedContrast, leastSquares, neweyWestLag } from './least-squares.ts';
import {
  checkWindow,
  dateOfDay,
  dayNumber,
  DEFAULT_MIN_WEEK_N,
  MIN_WEEKS_AFTER,
  MIN_WEEKS_BEFORE,
  mondayOnOrBefore,
  usable,
  weeksAround,
  weeksByMonday,
} from './week-calendar.ts';
import { listed } from './wording.ts';

export interface DifferenceInDifferencesOptions {
  /** Weeks after each wave's start to measure over (13 ≈ the acid test's 90 days). */
  windowWeeksAfter: number;
  /** Weeks before each wave's start to compare with; default the same as after, and at least 8. */
  windowWeeksBefore?: number;
  /** A group's week from fewer answers is left out (default 5). */
  minWeekN?: number;
  /** The Newey–West lag; default ⌊4·(T/100)^(2/9)⌋ for T distinct weeks used. */
  lag?: number;
}

interface Group {
  key: string;
  label: string;
  start: number | null;
  byMonday: Map<number, WeekFigure>;
}

interface WaveWeek {
  monday: number;
  after: boolean;
  treated: number | null;
  comparison: number | null;
  /** Answers behind the treated and the comparison value. */
  answers: [number, number];
}

interface Wave {
  key: string;
  label: string;
  startsOn: string;
  firstAfter: number;
  comparisons: Group[];
  weeks: WaveWeek[];
}

/**
 * The KPI of several groups together in one week: their values weighted by their answers, which
 * for NPS, a share or a mean is exactly the KPI of all their answers pooled. Weeks from fewer
 * than `minWeekN` answers are left out; null when no group has a usable week.
 */
function pooledWeek(groups: readonly Group[], monday: number, minWeekN: number): { value: number | null; n: number } {
  let total = 0;
  let n = 0;
  for (const group of groups) {
    const week = group.byMonday.get(monday);
    if (!usable(week, minWeekN)) continue;
    total += week.value * week.n;
    n += week.n;
  }
  return { value: n > 0 ? total / n : null, n };
}

/**
 * Which groups a wave is compared with, and where its after window ends: the groups still
 * untreated over its whole window (holdouts, later waves, comparison journeys or steps); when
 * there are none, the groups untreated for at least the 4 weeks a design needs, the window cut
 * where the first of them is reached.
 */
function comparisonsFor(members: readonly Group[], groups: readonly Group[], firstAfter: number, windowWeeksAfter: number) {
  const others = groups.filter((g) => !members.includes(g));
  const fullEnd = firstAfter + 7 * windowWeeksAfter;
  const untreatedThroughout = others.filter((g) => g.start === null || g.start >= fullEnd);
  if (untreatedThroughout.length > 0) return { comparisons: untreatedThroughout, end: fullEnd };
  const later = others.filter((g) => g.start !== null && mondayOnOrBefore(g.start) >= firstAfter + 7 * MIN_WEEKS_AFTER);
  if (later.length === 0) return null;
  return { comparisons: later, end: Math.min(...later.map((g) => mondayOnOrBefore(g.start!))) };
}

function buildWaves(groups: readonly Group[], weeksBefore: number, windowWeeksAfter: number, minWeekN: number) {
  // Windows end with the data: no weeks nobody has measured yet.
  const lastMeasured = Math.max(...groups.flatMap((g) => [...g.byMonday.keys()]));
  const starts = [...new Set(groups.flatMap((g) => (g.start === null ? [] : [g.start])))].sort((a, b) => a - b);
  const waves: Wave[] = [];
  const skipped: string[] = [];
  for (const start of starts) {
    const members = groups.filter((g) => g.start === start);
    const key = members.map((g) => g.key).join('+');
    const label = listed(members.map((g) => g.label));
    const startsOn = dateOfDay(start);
    const { lastBefore, firstAfter } = weeksAround(startsOn);
    const plan = comparisonsFor(members, groups, firstAfter, windowWeeksAfter);
    if (!plan) {
      skipped.push(`${label} (from ${startsOn}) had no group still waiting for the change to compare with`);
      continue;
    }
    const mondays = [
      ...Array.from({ length: weeksBefore }, (_, i) => lastBefore - 7 * (weeksBefore - 1 - i)),
      ...Array.from({ length: (plan.end - firstAfter) / 7 }, (_, i) => firstAfter + 7 * i).filter((monday) => monday <= lastMeasured),
    ];
    const weeks = mondays.map((monday): WaveWeek => {
      const treated = pooledWeek(members, monday, minWeekN);
      const comparison = pooledWeek(plan.comparisons, monday, minWeekN);
      return {
        monday,
        after: monday >= firstAfter,
        treated: treated.value,
        comparison: comparison.value,
        answers: [treated.n, comparison.n],
      };
    });
    const paired = weeks.filter((w) => w.treated !== null && w.comparison !== null);
    const before = paired.filter((w) => !w.after).length;
    const after = paired.length - before;
    if (before < MIN_WEEKS_BEFORE || after < MIN_WEEKS_AFTER) {
      skipped.push(
        `${label} (from ${startsOn}) had ${before} weeks before and ${after} after measured in both it and its comparison; ` +
          `it needs ${MIN_WEEKS_BEFORE} and ${MIN_WEEKS_AFTER}`,
      );
      continue;
    }
    waves.push({ key, label, startsOn, firstAfter, comparisons: plan.comparisons, weeks });
  }
  return { waves, skipped };
}

const gapOf = (w: WaveWeek) => w.treated! - w.comparison!;
const isPaired = (w: WaveWeek) => w.treated !== null && w.comparison !== null;

/**
 * Difference in differences for a rollout in waves (Callaway & Sant'Anna 2021's idea, in its
 * simplest form: each wave against the groups not yet treated, never against groups already
 * treated, whose own effect would leak into the comparison).
 *
 * For each wave, the weekly gap between its groups and its comparison groups (each side's
 * answers pooled) is regressed on an after-the-change indicator: the coefficient is the gap
 * after minus the gap before, which is the 2×2 difference in differences on weekly means.
 * The waves are fitted as one stacked regression with Driscoll & Kraay's (1998) covariance —
 * Newey–West on the week's summed scores — so that shocks shared by neighbouring weeks and
 * by waves that share a comparison group widen the interval instead of being counted as
 * independent evidence; the waves' effects are then pooled with inverse-variance weights (the
 * variance their answer counts predict, see `samplingVariance`), the pooled variance taken from
 * the full covariance (wᵀVw / (Σw)²). Every interval has the
 * small-sample correction of `correctedContrast` (a variance unbiased for white noise, Student's t
 * on Satterthwaite's degrees of freedom): with 13 weeks a side, uncorrected Newey–West
 * intervals miss too often.
 *
 * Parallel pre-trends: the slope of the weekly gap on weeks-to-the-change over the weeks
 * before, one slope shared by the waves (each its own level), with the same corrected
 * covariance; called parallel when its p ≥ 0.05. With a few weeks it is a weak test (it can
 * miss a slow drift), which is why the chart shows the gap as well.
 *
 * The chart's series is the first wave, which has the longest untreated comparison.
 */
export function differenceInDifferences(
  rollout: readonly RolloutGroup[],
  options: DifferenceInDifferencesOptions,
): DidEstimate | Insufficient {
  const { windowWeeksAfter, minWeekN = DEFAULT_MIN_WEEK_N } = options;
  checkWindow(windowWeeksAfter, minWeekN);
  const weeksBefore = options.windowWeeksBefore ?? Math.max(windowWeeksAfter, MIN_WEEKS_BEFORE);
  if (!Number.isInteger(weeksBefore) || weeksBefore < 1 || weeksBefore > 520)
    throw new DomainError('BAD_REQUEST', 'windowWeeksBefore must be a whole number of weeks from 1 to 520');
  if (new Set(rollout.map((g) => g.key)).size !== rollout.length)
    throw new DomainError('BAD_REQUEST', 'rollout groups must have distinct keys');
  const groups: Group[] = rollout.map((g) => ({
    key: g.key,
    label: g.label,
    start: g.startsOn === null ? null : dayNumber(g.startsOn),
    byMonday: weeksByMonday(g.weeks, g.label),
  }));
  if (!groups.some((g) => g.start !== null)) return { insufficient: 'No group in the rollout has a date the change reached it.' };
  if (new Set(groups.map((g) => g.start)).size < 2)
    return { insufficient: 'The change reached every group at once: there is no holdout, later wave, or comparison journey or step.' };

  const { waves, skipped } = buildWaves(groups, weeksBefore, windowWeeksAfter, minWeekN);
  if (waves.length === 0) return { insufficient: `No wave could be compared: ${skipped.join('; ')}.` };

  // One stacked regression: wave k's rows carry a 1 in its level column (2k) and, after its
  // start, in its effect column (2k + 1).
  const p = 2 * waves.length;
  const rows: number[][] = [];
  const gaps: number[] = [];
  const times: number[] = [];
  waves.forEach((wave, k) => {
    for (const week of wave.weeks.filter(isPaired)) {
      const row = new Array<number>(p).fill(0);
      row[2 * k] = 1;
      row[2 * k + 1] = week.after ? 1 : 0;
      rows.push(row);
      gaps.push(gapOf(week));
      times.push(week.monday / 7);
    }
  });
  const fit = leastSquares(rows, gaps);
  if (!fit) return { insufficient: 'The weeks before and after the change cannot be told apart.' };
  const distinctWeeks = new Set(times).size;
  const lag = options.lag ?? neweyWestLag(distinctWeeks);
  const unit = (j: number) => Array.from({ length: p }, (_, i) => (i === j ? 1 : 0));

  const waveEffects = waves.map((wave, k) => {
    const paired = wave.weeks.filter(isPaired);
    const after = paired.filter((w) => w.after).length;
    const c = correctedContrast(fit, unit(2 * k + 1), { lag, times });
    return {
      key: wave.key,
      label: wave.label,
      startsOn: wave.startsOn,
      effect: c.estimate,
      low: c.low,
      high: c.high,
      comparisonLabels: wave.comparisons.map((g) => g.label),
      weeksBefore: paired.length - after,
      weeksAfter: after,
    };
  });
  const inverse = waves.map((wave) => 1 / samplingVariance(wave));
  const total = inverse.reduce((s, v) => s + v, 0);
  const pooledWeights = new Array<number>(p).fill(0);
  inverse.forEach((v, k) => (pooledWeights[2 * k + 1] = v / total));
  const pooled = correctedContrast(fit, pooledWeights, { lag, times });

  const preTrend = parallelTrends(waves, lag);
  const first = waves[0]!;
  const firstGap = fit.coefficients[0]!;
  const comparisonLabels = [...new Set(waves.flatMap((w) => w.comparisons.map((g) => g.label)))];
  return {
    design: 'difference_in_differences',
    effect: pooled.estimate,
    low: pooled.low,
    high: pooled.high,
    pValue: pooled.pValue,
    weeksBefore: Math.max(...waveEffects.map((w) => w.weeksBefore)),
    weeksAfter: Math.max(...waveEffects.map((w) => w.weeksAfter)),
    explanation:
      `How much more the KPI moved for the customers the change reached than for ${listed(comparisonLabels)}, which it had not ` +
      'reached, over the same weeks, so that the season and anything else that hit both cancel out, assuming both would otherwise ' +
      (preTrend.parallel
        ? 'have moved alike, as they did before the change.'
        : 'have moved alike, which is doubtful: before the change they were already drifting apart.'),
    preTrend,
    series: first.weeks.map((w) => ({
      weekStart: dateOfDay(w.monday),
      treated: w.treated,
      comparison: w.comparison,
      counterfactual: w.comparison === null ? null : w.comparison + firstGap,
      after: w.after,
    })),
    waves: waveEffects,
    skipped,
  };
}

/**
 * A wave's variance as its answer counts predict it, per unit of per-answer variance: a gap's
 * week varies as 1/n_treated + 1/n_comparison, and the effect is the after weeks' mean gap minus
 * the before weeks'. The pooling weighs waves by its inverse rather than by their estimated
 * variances, whose noise goes with the estimates: in planted rollouts that made the pooled
 * interval too narrow (92% coverage, and a noisier estimate) where these weights give 95%.
 */
function samplingVariance(wave: Wave): number {
  const paired = wave.weeks.filter(isPaired);
  const side = (after: boolean) => {
    const weeks = paired.filter((w) => w.after === after);
    return weeks.reduce((sum, w) => sum + 1 / w.answers[0] + 1 / w.answers[1], 0) / weeks.length ** 2;
  };
  return side(false) + side(true);
}

/** The pre-period gap's slope per week, one slope for all waves, each wave its own level, with Driscoll–Kraay errors. */
function parallelTrends(waves: readonly Wave[], lag: number): DidEstimate['preTrend'] {
  const p = waves.length + 1;
  const rows: number[][] = [];
  const gaps: number[] = [];
  const times: number[] = [];
  waves.forEach((wave, k) => {
    for (const week of wave.weeks.filter((w) => !w.after && isPaired(w))) {
      const row = new Array<number>(p).fill(0);
      row[k] = 1;
      row[p - 1] = (week.monday - wave.firstAfter) / 7;
      rows.push(row);
      gaps.push(gapOf(week));
      times.push(week.monday / 7);
    }
  });
  const fit = leastSquares(rows, gaps);
  // Every wave has at least 8 weeks before, so the slope is always estimable; a flat line is the fallback all the same.
  if (!fit) return { slope: 0, pValue: 1, parallel: true };
  const slope = correctedContrast(
    fit,
    Array.from({ length: p }, (_, j) => (j === p - 1 ? 1 : 0)),
    { lag, times },
  );
  return { slope: slope.estimate, pValue: slope.pValue, parallel: slope.pValue >= 0.05 };
}
