import type { KpiKind } from '../kpi/kpi.schema.ts';
import { compareMeans, compareNps, compareProportions, type Change } from './change.ts';
import type { KpiAggregate } from './kpi-aggregate.ts';

/**
 * The change of a KPI between two periods with its test, for the kinds that have one (NPS,
 * CSAT, CES, rates, means); counts, sums, ratios and quantiles carry no sampling test here.
 */
export function compareKpi(kind: KpiKind, before: KpiAggregate, after: KpiAggregate, minSample = 30): Change | null {
  const c = compareRaw(kind, before, after);
  if (c && (before.n < minSample || after.n < minSample)) return { ...c, tested: false, significant: false, pValue: null };
  return c;
}

function compareRaw(kind: KpiKind, before: KpiAggregate, after: KpiAggregate): Change | null {
  switch (kind) {
    case 'nps':
      return compareNps({ n: before.n, promoters: before.positives, detractors: before.negatives }, { n: after.n, promoters: after.positives, detractors: after.negatives });
    case 'csat':
    case 'ces_agree':
    case 'rate':
      return compareProportions({ positives: before.positives, n: before.n }, { positives: after.positives, n: after.n });
    case 'ces':
    case 'mean':
      return compareMeans({ n: before.n, sum: before.sum, sumSquares: before.sumSquares }, { n: after.n, sum: after.sum, sumSquares: after.sumSquares });
    default:
      return null;
  }
}

/** The unit a movement of this kind is counted in, for the sentence describing it. */
export function changeUnit(kind: KpiKind, unit: string): string {
  if (kind === 'nps') return 'points';
  if (kind === 'csat' || kind === 'rate') return 'percentage points';
  if (kind === 'ces') return 'on the 1–7 scale';
  return unit;
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

/** PRODUCT.md's plain words for a movement: "up 4.2 points, not significant at n = 180". */
export function describeChange(change: Change, unit: string, ns: { before: number; after: number }, minSample = 30): string {
  const n = ns.after;
  if (!change.tested) return `${change.difference > 0 ? 'up' : change.difference < 0 ? 'down' : 'unchanged'} ${oneDecimal.format(Math.abs(change.difference))} ${unit}; too few answers to test (n = ${Math.min(ns.before, ns.after)} of ${minSample})`;
  const size = oneDecimal.format(Math.abs(change.difference));
  const direction = change.difference > 0 ? `up ${size}` : change.difference < 0 ? `down ${size}` : 'unchanged';
  const what = change.difference === 0 ? '' : ` ${unit}`;
  const verdict = change.significant ? `significant (p ${change.pValue! < 0.001 ? '< 0.001' : `= ${change.pValue!.toFixed(3)}`})` : 'not significant';
  return `${direction}${what}, ${verdict} at n = ${whole.format(n)}`;
}
