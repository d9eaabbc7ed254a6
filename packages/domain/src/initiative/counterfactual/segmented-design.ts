import { monthOfWeek, SEASONAL_HISTORY_WEEKS } from './week-calendar.ts';

/** A week of an interrupted time series: its Monday (day number), weeks since the first week, and whether the change was live. */
export interface WeekSlot {
  monday: number;
  t: number;
  after: boolean;
}

/**
 * The segmented regression of an interrupted time series over the weeks it uses, the change
 * arriving at week t0: y = β0 + β1·t + β2·post + β3·(t − t0)·post (+ month-of-year dummies,
 * January the reference, when at least 52 weeks before cover every month). `weights` picks out
 * the average effect over the after weeks, β2 + β3·mean(t − t0). Shared by the estimator and by
 * the minimum detectable effect, so that the effect promised is the effect measured.
 */
export function segmentedDesign(used: readonly WeekSlot[], t0: number) {
  const before = used.filter((s) => !s.after);
  const after = used.filter((s) => s.after);
  const seasonal = before.length >= SEASONAL_HISTORY_WEEKS && new Set(before.map((s) => monthOfWeek(s.monday))).size === 12;
  const months = seasonal ? 11 : 0;
  /** The week's row; without the change, the counterfactual's. */
  const row = (s: WeekSlot, withChange = true) => {
    const post = withChange && s.after ? 1 : 0;
    const month = monthOfWeek(s.monday);
    return [1, s.t, post, post * (s.t - t0), ...Array.from({ length: months }, (_, m) => (month === m + 2 ? 1 : 0))];
  };
  const meanSince = after.length > 0 ? after.reduce((sum, s) => sum + (s.t - t0), 0) / after.length : 0;
  return {
    seasonality: seasonal ? ('month_of_year' as const) : ('none' as const),
    row,
    weights: [0, 0, 1, meanSince, ...new Array<number>(months).fill(0)],
  };
}
