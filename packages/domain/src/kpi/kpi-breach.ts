import type { KpiValue } from '../metrics/kpi-value.schema.ts';
import { belowMinimum, type KpiGoal } from './kpi-status.ts';

export type BreachKind = 'threshold' | 'target';

/** Whether the whole interval lies on the wrong side of `line` for a KPI going in `direction`. */
function whollyWorse(direction: KpiGoal['direction'], value: Pick<KpiValue, 'value' | 'ciLow' | 'ciHigh'>, line: number): boolean {
  // Kinds without an interval (counts, sums, ratios, quantiles) are judged on the value itself.
  const low = value.ciLow ?? value.value;
  const high = value.ciHigh ?? value.value;
  return direction === 'higher_is_better' ? high < line : low > line;
}

/**
 * What a period's result breaches: its warning threshold and/or its target, each only when the
 * whole 95% interval lies on the wrong side of the line. An alert speaks of a complete period,
 * or of the period to date once it has reached the minimum sample (and only for kinds with an
 * interval: a count or sum to date is short of any monthly line by construction). Below the
 * minimum sample nothing is raised.
 */
export function kpiBreaches(kpi: KpiGoal, value: KpiValue, opts: { complete: boolean }): BreachKind[] {
  if (belowMinimum(kpi, value.n)) return [];
  if (!opts.complete && (value.ciLow === null || value.ciHigh === null)) return [];
  const out: BreachKind[] = [];
  if (kpi.threshold !== null && whollyWorse(kpi.direction, value, kpi.threshold)) out.push('threshold');
  if (kpi.target !== null && whollyWorse(kpi.direction, value, kpi.target)) out.push('target');
  return out;
}
