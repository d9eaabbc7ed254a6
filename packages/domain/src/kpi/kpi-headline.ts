import { addAggregates, EMPTY_AGGREGATE, kpiValue, type KpiAggregate } from '../metrics/kpi-aggregate.ts';
import { CHANGE_METHOD_LABEL } from '../metrics/change.ts';
import { changeUnit, compareKpi, describeChange } from '../metrics/kpi-change.ts';
import type { KpiChange, KpiHeadline } from './kpi-results.schema.ts';
import type { KpiDefinition } from './kpi.schema.ts';
import { belowMinimum, kpiStatus, kpiStatusLabel } from './kpi-status.ts';
import type { SelectedWindow } from './period.ts';

type Kpi = Pick<KpiDefinition, 'kind' | 'unit' | 'direction' | 'target' | 'threshold' | 'minSample' | 'source'>;

/** Sums days (or periods) into one aggregate: how any window is computed by the same formulas. */
export function sumAggregates(parts: Iterable<KpiAggregate>): KpiAggregate {
  let total = EMPTY_AGGREGATE;
  for (const part of parts) total = addAggregates(total, part);
  return total;
}

/** A window's headline: its value (null without data), and where it stands, judged once for every view. */
export function kpiHeadline(kpi: Kpi, window: SelectedWindow, total: KpiAggregate): KpiHeadline {
  const value = total.n > 0 || total.denominator > 0 ? kpiValue(kpi.kind, total) : null;
  const status = kpiStatus(kpi, value);
  return {
    from: window.from,
    to: window.to,
    label: window.label,
    complete: window.complete,
    value,
    status,
    statusLabel: kpiStatusLabel(status, kpi, value?.n ?? 0),
  };
}

/** An amount in the KPI's unit: "£79,983", "£0.36 per contact", "4.2 hours". */
function amountIn(size: number, unit: string): string {
  if (unit.startsWith('£')) {
    const rest = unit.slice(1).trim();
    const digits = size >= 100 ? 0 : 2;
    return `£${size.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${rest ? ` ${rest}` : ''}`;
  }
  return `${size.toLocaleString('en-GB', { maximumFractionDigits: size >= 10 ? 1 : 2 })}${unit ? ` ${unit}` : ''}`;
}

/** A movement of a count, sum, ratio or quantile, which carry no significance test: "down £79,983". */
export function describeUntestedChange(difference: number, unit: string): string {
  return difference === 0
    ? 'unchanged (no significance test for this kind)'
    : `${difference > 0 ? 'up' : 'down'} ${amountIn(Math.abs(difference), unit)} (no significance test for this kind)`;
}

/**
 * The change from the window before to the headline window, tested as the KPI's kind allows and
 * only when both reach the KPI's minimum sample; null when either has no data.
 */
export function kpiChange(
  kpi: Kpi,
  before: { window: { from: string; label: string }; total: KpiAggregate },
  after: { window: { from: string; label: string }; total: KpiAggregate },
): KpiChange | null {
  if (before.total.n === 0 || after.total.n === 0) return null;
  const where = { from: before.window.from, to: after.window.from, fromLabel: before.window.label, toLabel: after.window.label };
  const test = compareKpi(kpi.kind, before.total, after.total, kpi.minSample);
  if (test) {
    return {
      ...where,
      difference: test.difference,
      ciLow: test.ciLow,
      ciHigh: test.ciHigh,
      pValue: test.pValue,
      significant: test.significant,
      tested: test.tested,
      method: test.tested ? CHANGE_METHOD_LABEL[test.method] : null,
      description: describeChange(test, changeUnit(kpi.kind, kpi.unit), { before: before.total.n, after: after.total.n }, kpi.minSample),
    };
  }
  const difference = kpiValue(kpi.kind, after.total).value - kpiValue(kpi.kind, before.total).value;
  const small = belowMinimum(kpi, Math.min(before.total.n, after.total.n));
  return {
    ...where,
    difference,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    significant: false,
    tested: false,
    method: null,
    description: small
      ? `${describeUntestedChange(difference, kpi.unit).replace(/ \(no significance test for this kind\)$/, '')}; too few to compare (n = ${Math.min(before.total.n, after.total.n).toLocaleString('en-GB')} of ${kpi.minSample})`
      : describeUntestedChange(difference, kpi.unit),
  };
}
