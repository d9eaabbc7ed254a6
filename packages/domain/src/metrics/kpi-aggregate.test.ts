import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAggregates, EMPTY_AGGREGATE, kpiValue, type KpiAggregate } from './kpi-aggregate.ts';
import { momentsOf } from './mean.ts';

const agg = (over: Partial<KpiAggregate>): KpiAggregate => ({ ...EMPTY_AGGREGATE, ...over });

describe('KPI values from aggregates', () => {
  it('gives each kind its method', () => {
    expect(kpiValue('nps', agg({ n: 200, positives: 110, negatives: 40 }))).toMatchObject({ value: 35, method: 'nps-adjusted-wald' });
    expect(kpiValue('csat', agg({ n: 200, positives: 150 }))).toMatchObject({ value: 75, method: 'agresti-coull' });
    const m = momentsOf([1, 2, 3, 4, 5, 6, 7]);
    expect(kpiValue('ces', agg({ n: m.n, sum: m.sum, sumSquares: m.sumSquares }))).toMatchObject({ value: 4, method: 'mean-t-interval' });
    expect(kpiValue('median', agg({ n: 4, samples: [4, 1, 3, 2] }))).toMatchObject({ value: 2.5, method: 'median' });
    expect(kpiValue('count', agg({ n: 12 }))).toMatchObject({ value: 12, method: 'count' });
    expect(kpiValue('sum', agg({ n: 3, sum: 450 }))).toMatchObject({ value: 450, method: 'sum' });
    expect(kpiValue('ratio', agg({ n: 3, sum: 450, denominator: 90 }))).toMatchObject({ value: 5, method: 'ratio' });
    expect(kpiValue('ratio', agg({ n: 3, sum: 450 }))).toMatchObject({ value: 0 });
  });

  it('gets the same value from days added up as from the whole period at once', () => {
    const day = fc.record({
      n: fc.integer({ min: 0, max: 50 }),
      positives: fc.integer({ min: 0, max: 20 }),
      negatives: fc.integer({ min: 0, max: 20 }),
      sum: fc.integer({ min: 0, max: 500 }),
      sumSquares: fc.integer({ min: 0, max: 5_000 }),
      denominator: fc.integer({ min: 0, max: 40 }),
      samples: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 10 }), (days) => {
        const whole = days.reduce(addAggregates, EMPTY_AGGREGATE);
        const halves = addAggregates(
          days.slice(0, 3).reduce(addAggregates, EMPTY_AGGREGATE),
          days.slice(3).reduce(addAggregates, EMPTY_AGGREGATE),
        );
        expect(halves).toEqual({ ...whole, samples: expect.arrayContaining([...whole.samples]) });
        expect(halves.samples).toHaveLength(whole.samples.length);
      }),
    );
  });
});
