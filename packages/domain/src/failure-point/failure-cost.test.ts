import { describe, expect, it } from 'vitest';
import { annualCostOfFailure, failureGap, rankFailurePoints } from './failure-cost.ts';

describe('cost of failure', () => {
  it('annualises the frequency and multiplies by the unit cost', () => {
    // 1,200 repeat calls a month × 12 months × £6.50 a call = £93,600 a year
    expect(annualCostOfFailure({ frequency: 1200, frequencyPeriod: 'month', unitCost: 6.5 })).toBe(93_600);
    // 40 lost customers a quarter × 4 × £412.25 each = £65,960
    expect(annualCostOfFailure({ frequency: 40, frequencyPeriod: 'quarter', unitCost: 412.25 })).toBe(65_960);
    // 15 escalations a week × 52 × £38 = £29,640
    expect(annualCostOfFailure({ frequency: 15, frequencyPeriod: 'week', unitCost: 38 })).toBe(29_640);
    expect(annualCostOfFailure({ frequency: 0, frequencyPeriod: 'year', unitCost: 1000 })).toBe(0);
  });

  it('measures the gap as expectation minus capability', () => {
    expect(failureGap({ expectation: 5, capability: 2 })).toBe(3);
    expect(failureGap({ expectation: 2, capability: 4 })).toBe(-2);
  });

  it('ranks the costliest first, then the wider gap', () => {
    const ranked = rankFailurePoints([
      { title: 'b', annualCost: 100, gap: 1 },
      { title: 'a', annualCost: 500, gap: 0 },
      { title: 'c', annualCost: 100, gap: 3 },
    ]);
    expect(ranked.map((r) => r.title)).toEqual(['a', 'c', 'b']);
  });
});
