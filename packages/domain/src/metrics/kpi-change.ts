import { DEFAULT_MIN_SAMPLE, type KpiKind } from '../kpi/kpi.schema.ts';
import { CHANGE_METHOD_LABEL, compareMeans, compareNps, compareProportions, untestedChange, type Change } from './change.ts';
import type { KpiAggregate } from './kpi-aggregate.ts';

function testFor(kind: KpiKind, before: KpiAggregate, after: KpiAggregate): Change | null {
  switch (kind) {
    case 'nps':
      return compareNps(
        { n: before.n, promoters: before.positives, detractors: before.negatives },
        { n: after.n, promoters: after.positives, detractors: after.negatives },
      );
    case 'csat':
    case 'ces_agree':
    case 'rate':
      return compareProportions({ positives: before.positives, n: before.n }, { positives: after.positives, n: after.n });
    case 'ces':
    case 'mean':
      return compareMeans(
        { n: before.n, sum: before.sum, sumSquares: before.sumSquares },
        { n: after.n, sum: after.sum, sumSquares: after.sumSquares },
      );
    case 'median':
    case 'p90':
    case 'count':
    case 'sum':
    case 'ratio':
      return null;
  }
}

/**
 * The change of a KPI between two periods with its test, for the kinds that have one (NPS,
 * CSAT, CES, CES % agree, rates, means); counts, sums, ratios and quantiles carry no sampling
 * test here. Below the KPI's minimum sample on either side the difference is given but no
 * claim is made (PRODUCT.md): not tested, never significant.
 */
export function compareKpi(kind: KpiKind, before: KpiAggregate, after: KpiAggregate, minSample = DEFAULT_MIN_SAMPLE): Change | null {
  const change = testFor(kind, before, after);
  if (change === null) return null;
  if (before.n < minSample || after.n < minSample) return untestedChange(change.difference, change.method);
  return change;
}

/** The unit a movement of this kind is counted in, for the sentence describing it. */
export function changeUnit(kind: KpiKind, unit: string): string {
  if (kind === 'nps') return 'points';
  if (kind === 'csat' || kind === 'ces_agree' || kind === 'rate') return 'percentage points';
  if (kind === 'ces') return 'on the 1–7 scale';
  return unit;
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

/**
 * PRODUCT.md's plain words for a movement: "up 4.2 points, not significant (p = 0.401,
 * adjusted-Wald difference), n = 180 → 200"; below the minimum sample, "up 70.0 percentage
 * points; too few answers to test (n = 1 of 30)", naming the smaller side.
 */
export function describeChange(change: Change, unit: string, n: { before: number; after: number }, minSample = DEFAULT_MIN_SAMPLE): string {
  const size = oneDecimal.format(Math.abs(change.difference));
  const direction = change.difference > 0 ? `up ${size} ${unit}` : change.difference < 0 ? `down ${size} ${unit}` : 'unchanged';
  const sizes = `n = ${whole.format(n.before)} → ${whole.format(n.after)}`;
  if (!change.tested || change.pValue === null) {
    const smaller = Math.min(n.before, n.after);
    if (smaller < minSample) return `${direction}; too few answers to test (n = ${whole.format(smaller)} of ${whole.format(minSample)})`;
    return `${direction}; cannot be tested (no spread in either period), ${sizes}`;
  }
  const p = change.pValue < 0.001 ? 'p < 0.001' : `p = ${change.pValue.toFixed(3)}`;
  return `${direction}, ${change.significant ? 'significant' : 'not significant'} (${p}, ${CHANGE_METHOD_LABEL[change.method]}), ${sizes}`;
}
