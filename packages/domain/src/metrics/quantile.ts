import { SMALL_SAMPLE, type KpiValue } from './kpi-value.schema.ts';

/**
 * The q-quantile by linear interpolation between closest ranks, as PostgreSQL's
 * percentile_cont computes it, so the engine and a hand-written SQL check agree exactly.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Median or p90 of event values (no interval: the method says so, and n is shown). */
export function quantileValue(values: readonly number[], which: 'median' | 'p90'): KpiValue {
  return {
    value: values.length ? quantile(values, which === 'median' ? 0.5 : 0.9) : 0,
    n: values.length,
    ciLow: null,
    ciHigh: null,
    method: which,
    smallSample: values.length < SMALL_SAMPLE,
  };
}
