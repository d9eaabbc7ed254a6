import type { Insufficient, ItsEstimate, WeekFigure } from './counterfactual.schema.ts';
import { correctedContrast, leastSquares, neweyWestLag } from './least-squares.ts';
import { segmentedDesign, type WeekSlot } from './segmented-design.ts';
import {
  checkWindow,
  dateOfDay,
  DEFAULT_MIN_WEEK_N,
  MIN_WEEKS_AFTER,
  MIN_WEEKS_BEFORE,
  usable,
  weeksAround,
  weeksByMonday,
} from './week-calendar.ts';

export interface TimeSeriesOptions {
  /** Weeks after the change to measure over (13 ≈ the acid test's 90 days). */
  windowWeeksAfter: number;
  /** Weeks from fewer answers are left out (default 5). */
  minWeekN?: number;
  /**
   * The most weeks of history before the change to fit the trend on (default 156, three
   * years): enough for the season, not so much that a straight trend is asked to span an era.
   */
  maxWeeksBefore?: number;
  /** The Newey–West lag; default ⌊4·(T/100)^(2/9)⌋ for T weeks used. */
  lag?: number;
}

const DEFAULT_MAX_WEEKS_BEFORE = 156;

/**
 * Interrupted time series: segmented regression on the weekly values (Wagner et al. 2002,
 * "Segmented regression analysis of interrupted time series studies in medication use research"),
 *   y_t = β0 + β1·t + β2·post_t + β3·(t − t0)·post_t + Σ_m γ_m·month_m(t) + ε_t,
 * t in weeks, t0 the first week after the change, month-of-year dummies (January the reference)
 * when at least 52 weeks before the change are usable and cover every month, otherwise none.
 *
 * The effect is the change averaged over the after weeks used, β2 + β3·mean(t − t0): what the
 * KPI did against its own projected trend and season. Its interval uses Newey & West's
 * covariance, because neighbouring weeks share shocks (a campaign, a backlog) that make plain
 * OLS intervals too narrow, with the small-sample correction of `correctedContrast`: the
 * effect rests mostly on the few weeks after, where uncorrected Newey–West intervals are far
 * too narrow (a planted no-effect series came out "significant" 15% of the time instead of 5%).
 *
 * Needs at least 8 usable weeks before and 4 after; a week from fewer than `minWeekN`
 * answers is left out (shown with no observed value in the series). The week the change went
 * live part-way through is neither before nor after and is left out of the series.
 */
export function interruptedTimeSeries(
  weeks: readonly WeekFigure[],
  startsOn: string,
  options: TimeSeriesOptions,
): ItsEstimate | Insufficient {
  const { windowWeeksAfter, minWeekN = DEFAULT_MIN_WEEK_N, maxWeeksBefore = DEFAULT_MAX_WEEKS_BEFORE } = options;
  checkWindow(windowWeeksAfter, minWeekN);
  const byMonday = weeksByMonday(weeks, 'the time series');
  const { lastBefore, firstAfter } = weeksAround(startsOn);
  const firstBefore = lastBefore - 7 * (maxWeeksBefore - 1);
  const known = [...byMonday.keys()];
  // The window ends with the data: no projecting into weeks nobody has measured yet.
  const lastAfter = Math.min(firstAfter + 7 * (windowWeeksAfter - 1), Math.max(firstAfter, ...known));
  const earliest = Math.max(firstBefore, Math.min(lastBefore, ...known.filter((m) => m >= firstBefore)));

  // Every week slot of the window, from the earliest week with data to the last after the change.
  const slots: WeekSlot[] = [];
  for (let monday = earliest; monday <= lastAfter; monday += 7) {
    if (monday > lastBefore && monday < firstAfter) continue;
    slots.push({ monday, t: (monday - earliest) / 7, after: monday >= firstAfter });
  }
  const t0 = (firstAfter - earliest) / 7;
  const used = slots.filter((s) => usable(byMonday.get(s.monday), minWeekN));
  const weeksBefore = used.filter((s) => !s.after).length;
  const weeksAfter = used.length - weeksBefore;
  if (weeksBefore < MIN_WEEKS_BEFORE || weeksAfter < MIN_WEEKS_AFTER) {
    return {
      insufficient:
        `An interrupted time series needs at least ${MIN_WEEKS_BEFORE} weeks before the change and ${MIN_WEEKS_AFTER} after, each from ` +
        `${minWeekN} or more answers; there are ${weeksBefore} before and ${weeksAfter} after.`,
    };
  }

  const { seasonality, row, weights } = segmentedDesign(used, t0);
  const fit = leastSquares(
    used.map((s) => row(s)),
    used.map((s) => byMonday.get(s.monday)!.value!),
  );
  if (!fit)
    return {
      insufficient: 'The weeks before and after the change cannot be told apart from the trend and season (too few distinct weeks).',
    };

  const lag = options.lag ?? neweyWestLag(used.length);
  const times = used.map((s) => s.t);
  const effect = correctedContrast(fit, weights, { lag, times });
  const predict = (x: readonly number[]) => x.reduce((sum, v, j) => sum + v * fit.coefficients[j]!, 0);

  return {
    design: 'interrupted_time_series',
    effect: effect.estimate,
    low: effect.low,
    high: effect.high,
    pValue: effect.pValue,
    weeksBefore,
    weeksAfter,
    explanation:
      seasonality === 'month_of_year'
        ? `How far the KPI landed from where its trend and usual month-by-month pattern over the ${weeksBefore} weeks before ` +
          'pointed, assuming nothing else that moves it changed at the same time.'
        : `How far the KPI landed from where its trend over the ${weeksBefore} weeks before pointed, assuming neither the season nor ` +
          'anything else that moves it changed at the same time: with less than a year of history it cannot allow for the season.',
    level: fit.coefficients[2]!,
    slope: fit.coefficients[3]!,
    seasonality,
    lag,
    series: slots.map((s) => {
      const week = byMonday.get(s.monday);
      return {
        weekStart: dateOfDay(s.monday),
        observed: usable(week, minWeekN) ? week.value : null,
        fitted: predict(row(s)),
        counterfactual: predict(row(s, false)),
        after: s.after,
      };
    }),
  };
}
