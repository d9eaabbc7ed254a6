import type { KpiValue } from '../metrics/kpi-value.schema.ts';
import type { KpiDefinition } from './kpi.schema.ts';

export type BreachKind = 'threshold' | 'target';

/** Whether `value` is on the wrong side of `line` for a KPI going in `direction`. */
function worseThan(direction: KpiDefinition['direction'], value: number, line: number): boolean {
  return direction === 'higher_is_better' ? value < line : value > line;
}

/**
 * What a period's value breaches: its warning threshold (an alert someone must act on) and/or
 * its target (missed). Small samples raise nothing: their interval is too wide to act on, and
 * PRODUCT.md asks for them to be flagged, which the result already is.
 */
export function kpiBreaches(kpi: Pick<KpiDefinition, 'direction' | 'target' | 'threshold'>, value: KpiValue): BreachKind[] {
  if (value.smallSample || value.n === 0) return [];
  const out: BreachKind[] = [];
  if (kpi.threshold !== null && worseThan(kpi.direction, value.value, kpi.threshold)) out.push('threshold');
  if (kpi.target !== null && worseThan(kpi.direction, value.value, kpi.target)) out.push('target');
  return out;
}
