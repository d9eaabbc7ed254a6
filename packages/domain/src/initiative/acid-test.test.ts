import { describe, expect, it } from 'vitest';
import { compareMeans, compareProportions } from '../metrics/change.ts';
import { acidTestWindows, classifyMovement, differenceInterval, initiativeVerdict } from './acid-test.ts';
import { teamBudgetTotals } from './budget.ts';

describe('acid test', () => {
  it('calls an improvement only when significant in the better direction', () => {
    // 60% → 70% at n = 400 each: difference 10 points, Newcombe interval [3.39, 16.49], p ≈ 0.003.
    const up = compareProportions({ positives: 240, n: 400 }, { positives: 280, n: 400 });
    expect(up.significant).toBe(true);
    expect(classifyMovement(up, 400, 400, 'higher_is_better')).toBe('improved');
    expect(classifyMovement(up, 400, 400, 'lower_is_better')).toBe('worsened');
    const flat = compareProportions({ positives: 240, n: 400 }, { positives: 244, n: 400 });
    expect(classifyMovement(flat, 400, 400, 'higher_is_better')).toBe('no_measurable_movement');
  });

  it('says when there is too little data or no test for the kind', () => {
    const up = compareProportions({ positives: 2, n: 10 }, { positives: 9, n: 10 });
    expect(classifyMovement(up, 10, 10, 'higher_is_better')).toBe('insufficient_data');
    expect(classifyMovement(null, 100, 0, 'higher_is_better')).toBe('insufficient_data');
    expect(classifyMovement(null, 100, 100, 'higher_is_better')).toBe('not_testable');
  });

  it('calls an untested change not testable, and a change below the minimum sample insufficient', () => {
    const flat = compareMeans({ n: 40, sum: 160, sumSquares: 640 }, { n: 40, sum: 200, sumSquares: 1000 });
    expect(flat.tested).toBe(false);
    expect(classifyMovement(flat, 40, 40, 'higher_is_better')).toBe('not_testable');
    const up = compareProportions({ positives: 240, n: 400 }, { positives: 280, n: 400 });
    expect(classifyMovement(up, 400, 40, 'higher_is_better', 50)).toBe('insufficient_data');
  });

  it('gives the difference its 95% interval, and none when untested', () => {
    const up = compareProportions({ positives: 240, n: 400 }, { positives: 280, n: 400 });
    // Wilson 240/400: [0.5513, 0.6468]; 280/400: [0.6534, 0.7428];
    // L = 0.1 − √(0.0466² + 0.0468²) = 0.0339, U = 0.1 + √(0.0428² + 0.0487²) = 0.1649.
    const interval = differenceInterval(up)!;
    expect(interval.low).toBeCloseTo(3.39, 2);
    expect(interval.high).toBeCloseTo(16.49, 2);
    expect(differenceInterval(compareMeans({ n: 1, sum: 4, sumSquares: 16 }, { n: 40, sum: 200, sumSquares: 1100 }))).toBeNull();
  });

  it('windows 90 days either side, cut at the last day with data', () => {
    expect(acidTestWindows('2026-06-01', '2026-11-26')).toEqual({
      before: { from: '2026-03-03', to: '2026-05-31' },
      after: { from: '2026-06-02', to: '2026-08-30' },
    });
    expect(acidTestWindows('2026-11-01', '2026-11-26').after).toEqual({ from: '2026-11-02', to: '2026-11-26' });
  });
});

describe('team budget', () => {
  it('commits one-off plus a year of running from funding on, split business / technology', () => {
    const line = {
      oneOffBusiness: 10_000,
      oneOffTechnology: 50_000,
      runningBusiness: 2_000,
      runningTechnology: 8_000,
      spentBusiness: 4_000,
      spentTechnology: 30_000,
    };
    const t = teamBudgetTotals(200_000, [
      { ...line, stage: 'funded' },
      { ...line, stage: 'implemented' },
      { ...line, stage: 'designed' },
      { ...line, stage: 'idea' },
    ]);
    expect(t.committed).toEqual({ business: 24_000, technology: 116_000 });
    expect(t.spent).toEqual({ business: 8_000, technology: 60_000 });
    expect(t.headroom).toBe(60_000);
    expect(t.initiatives).toBe(2);
  });
});

describe('initiative verdict', () => {
  it('never hides a worsening behind an improvement, and says when nothing moved', () => {
    expect(initiativeVerdict(['improved', 'worsened'])).toBe('worsened');
    expect(initiativeVerdict(['improved', 'no_measurable_movement'])).toBe('improved');
    expect(initiativeVerdict(['no_measurable_movement', 'insufficient_data'])).toBe('no_measurable_movement');
    expect(initiativeVerdict([])).toBe('insufficient_data');
  });
});
