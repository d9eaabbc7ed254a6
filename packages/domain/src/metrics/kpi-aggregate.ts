import type { KpiKind } from '../kpi/kpi.schema.ts';
import type { KpiValue } from './kpi-value.schema.ts';
import { SMALL_SAMPLE } from './kpi-value.schema.ts';
import { meanWithInterval } from './mean.ts';
import { nps } from './nps.ts';
import { proportion } from './proportion.ts';
import { quantileValue } from './quantile.ts';

/**
 * What the engine sums per day and then per period, whatever the KPI's kind: every figure is
 * additive, so a period is the sum of its days and a day can be recomputed on its own.
 */
export interface KpiAggregate {
  /** Events or answers counted. */
  n: number;
  /** Promoters, top-box answers, CES agreements, or events meeting a rate's condition. */
  positives: number;
  /** Detractors (NPS only). */
  negatives: number;
  /** Σ of the score or event value. */
  sum: number;
  /** Σ of its square, for intervals on a mean. */
  sumSquares: number;
  /** A ratio's denominator: events of the denominator type. */
  denominator: number;
  /** The values themselves, for median and p90 (empty for other kinds). */
  samples: readonly number[];
}

export const EMPTY_AGGREGATE: KpiAggregate = { n: 0, positives: 0, negatives: 0, sum: 0, sumSquares: 0, denominator: 0, samples: [] };

/** Adds two aggregates: how days make a period. */
export function addAggregates(a: KpiAggregate, b: KpiAggregate): KpiAggregate {
  return {
    n: a.n + b.n,
    positives: a.positives + b.positives,
    negatives: a.negatives + b.negatives,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    denominator: a.denominator + b.denominator,
    samples: a.samples.length === 0 ? b.samples : b.samples.length === 0 ? a.samples : [...a.samples, ...b.samples],
  };
}

/** A KPI's value for a period from its aggregate, by the method PRODUCT.md gives its kind. */
export function kpiValue(kind: KpiKind, a: KpiAggregate): KpiValue {
  switch (kind) {
    case 'nps':
      return nps({ n: a.n, promoters: a.positives, detractors: a.negatives });
    case 'csat':
    case 'ces_agree':
    case 'rate':
      return proportion(a.positives, a.n);
    case 'ces':
    case 'mean':
      return meanWithInterval({ n: a.n, sum: a.sum, sumSquares: a.sumSquares });
    case 'median':
    case 'p90':
      return quantileValue(a.samples, kind);
    case 'count':
      return { value: a.n, n: a.n, ciLow: null, ciHigh: null, method: 'count', smallSample: false };
    case 'sum':
      return { value: a.sum, n: a.n, ciLow: null, ciHigh: null, method: 'sum', smallSample: false };
    case 'ratio':
      return {
        value: a.denominator > 0 ? a.sum / a.denominator : 0,
        n: a.n,
        ciLow: null,
        ciHigh: null,
        method: 'ratio',
        smallSample: a.denominator < SMALL_SAMPLE,
      };
  }
}
