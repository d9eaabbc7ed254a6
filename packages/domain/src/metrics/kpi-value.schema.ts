import { z } from 'zod';

/** How a value and its interval were computed; shown beside every figure. */
export const METHODS = [
  'nps-adjusted-wald',
  'agresti-coull',
  'mean-t-interval',
  'median',
  'p90',
  'count',
  'sum',
  'ratio',
] as const;

/** PRODUCT.md: every KPI value is `{ value, n, ciLow, ciHigh, method }`; small samples are flagged, not hidden. */
export const ZKpiValue = z.object({
  value: z.number(),
  n: z.number().int().nonnegative(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  method: z.enum(METHODS),
  smallSample: z.boolean(),
});
export type KpiValue = z.infer<typeof ZKpiValue>;

/** The 95% two-sided normal quantile PRODUCT.md fixes for every interval and test. */
export const Z95 = 1.96;

/**
 * Below this many responses an interval is too wide to steer by. PRODUCT.md asks for such
 * results to be flagged; 30 is the usual floor for a normal approximation.
 */
export const SMALL_SAMPLE = 30;

/** One period's value of a KPI, for all segments ('') or one. */
export const ZKpiPoint = ZKpiValue.extend({ periodStart: z.string(), segment: z.string() });

/** A movement between the last two periods, with its test and PRODUCT.md's plain words. */
export const ZKpiChange = z.object({
  from: z.string(),
  to: z.string(),
  difference: z.number(),
  pValue: z.number(),
  significant: z.boolean(),
  description: z.string(),
});

export const ZKpiResults = z.object({
  series: z.array(ZKpiPoint),
  /** The latest period, broken down by segment. */
  segments: z.array(ZKpiPoint),
  change: ZKpiChange.nullable(),
  lastRunAt: z.string().nullable(),
});
export type KpiResults = z.infer<typeof ZKpiResults>;
