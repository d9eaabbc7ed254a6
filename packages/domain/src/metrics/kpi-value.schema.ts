import { z } from 'zod';

/** How a value and its interval were computed; shown beside every figure. */
export const METHODS = ['nps-adjusted-wald', 'agresti-coull', 'mean-t-interval', 'median', 'p90', 'count', 'sum', 'ratio'] as const;

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
