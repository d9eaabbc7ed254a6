import { z } from 'zod';
import { ZIsoDate } from '../../common/common.schema.ts';

/** One week of a KPI for one group of customers: the week's Monday (YYYY-MM-DD), its value (null when n = 0) and its n. */
export const ZWeekFigure = z.object({ weekStart: ZIsoDate, value: z.number().nullable(), n: z.number().int().nonnegative() });
export type WeekFigure = z.infer<typeof ZWeekFigure>;

/** A group of customers in a rollout: when the change reached it (null = never: a holdout or a comparison journey/step). */
export const ZRolloutGroup = z.object({ key: z.string(), label: z.string(), startsOn: ZIsoDate.nullable(), weeks: z.array(ZWeekFigure) });
export type RolloutGroup = z.infer<typeof ZRolloutGroup>;

/** The ways of answering "compared with what?", strongest first. */
export const ZDesign = z.enum(['difference_in_differences', 'interrupted_time_series', 'before_after']);
export type Design = z.infer<typeof ZDesign>;

export const ZEstimate = z.object({
  design: ZDesign,
  /** In the KPI's points (NPS points, percentage points, the unit of a mean). */
  effect: z.number(),
  /** The 95% interval. */
  low: z.number(),
  high: z.number(),
  pValue: z.number(),
  weeksBefore: z.number().int(),
  weeksAfter: z.number().int(),
  /** What this design estimates and its assumption, in one plain sentence for a CX lead. */
  explanation: z.string(),
});
export type Estimate = z.infer<typeof ZEstimate>;

export const ZDidEstimate = ZEstimate.extend({
  design: z.literal('difference_in_differences'),
  /** The slope of the weekly gap (treated − comparison) before the change, per week; parallel when p ≥ 0.05. */
  preTrend: z.object({ slope: z.number(), pValue: z.number(), parallel: z.boolean() }),
  /** Per week of the first wave's window: treated mean, comparison mean, and the counterfactual (comparison + pre-period gap). */
  series: z.array(
    z.object({
      weekStart: z.string(),
      treated: z.number().nullable(),
      comparison: z.number().nullable(),
      counterfactual: z.number().nullable(),
      after: z.boolean(),
    }),
  ),
  waves: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      startsOn: z.string(),
      effect: z.number(),
      low: z.number(),
      high: z.number(),
      comparisonLabels: z.array(z.string()),
      weeksBefore: z.number().int(),
      weeksAfter: z.number().int(),
    }),
  ),
  /** Waves left out of the estimate, each with why (no group still waiting for the change, too few weeks). */
  skipped: z.array(z.string()),
});
export type DidEstimate = z.infer<typeof ZDidEstimate>;

export const ZItsEstimate = ZEstimate.extend({
  design: z.literal('interrupted_time_series'),
  /** Level change at the date, in the KPI's points. */
  level: z.number(),
  /** Slope change per week. */
  slope: z.number(),
  seasonality: z.enum(['month_of_year', 'none']),
  /** The Newey–West lag used, in weeks. */
  lag: z.number().int(),
  series: z.array(
    z.object({
      weekStart: z.string(),
      observed: z.number().nullable(),
      fitted: z.number().nullable(),
      counterfactual: z.number().nullable(),
      after: z.boolean(),
    }),
  ),
});
export type ItsEstimate = z.infer<typeof ZItsEstimate>;

/** A design that could not be estimated, and why, in plain words. */
export const ZInsufficient = z.object({ insufficient: z.string() });
export type Insufficient = z.infer<typeof ZInsufficient>;

export const ZDesignChoice = z.object({ design: ZDesign, reason: z.string(), decided: ZEstimate.nullable() });
export type DesignChoice = z.infer<typeof ZDesignChoice>;
