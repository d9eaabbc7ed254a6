import { describe, expect, it } from 'vitest';
import { detectability } from './detectability.ts';
import { ALL_AT_ONCE, type RolloutPlan } from './rollout-plan.ts';

const kpi = { id: 'k', name: 'Claims NPS', kind: 'nps' as const, unit: 'points' };
/** 1,230 answers over 91 days (≈ 411 a month): 40% promoters, 30% detractors. */
const recent = { n: 1_230, positives: 492, negatives: 369, sum: 0, sumSquares: 0, denominator: 0, samples: [] };
const staged: RolloutPlan = {
  mode: 'waves',
  dimension: 'segment',
  waves: [
    { scopes: ['Retail'], startsOn: '2026-06-01' },
    { scopes: ['Business'], startsOn: '2026-07-01' },
  ],
  holdout: [],
  comparison: null,
};

describe('what an investment case could detect', () => {
  it('says how far the KPI must move at its volume, and warns when the promise is smaller', () => {
    const small = detectability({ kpi, recent, recentDays: 91, historyWeeks: 8, rollout: ALL_AT_ONCE, expectedUplift: 3 });
    expect(small).toMatchObject({ design: 'before_after', perMonth: 411.4, windowDays: 90, belowDetectable: true });
    // Before/after, ~411 answers a month for 90 days each side, per-answer variance 100²·(0.7 − 0.1²) = 6,900:
    // (1.960 + 0.842) × √(2 × 6,900 / 1,216) ≈ 9.4 NPS points.
    expect(small.minimumDetectable!).toBeCloseTo(9.4, 0);
    expect(small.sentence).toMatch(/^With ~411 answers a month, Claims NPS must move ≥ \d+\.\d points to be detectable in 90 days/);
    expect(small.sentence).toMatch(/expected uplift of 3\.0 points is below that/);
    const big = detectability({ kpi, recent, recentDays: 91, historyWeeks: 8, rollout: ALL_AT_ONCE, expectedUplift: 12 });
    expect(big.belowDetectable).toBe(false);
    expect(big.sentence).not.toMatch(/below that/);
  });

  it('works out the design the rollout will allow', () => {
    const at = (rollout: RolloutPlan, historyWeeks: number) =>
      detectability({ kpi, recent, recentDays: 91, historyWeeks, rollout, expectedUplift: 5 }).design;
    expect(at(staged, 10)).toBe('difference_in_differences');
    expect(at(ALL_AT_ONCE, 60)).toBe('interrupted_time_series');
    expect(at(ALL_AT_ONCE, 30)).toBe('before_after');
    expect(at(ALL_AT_ONCE, 4)).toBe('before_after');
  });

  it('says so when there is no data, or the kind of KPI has no test of change', () => {
    const empty = { ...recent, n: 0, positives: 0, negatives: 0 };
    const none = detectability({ kpi, recent: empty, recentDays: 91, historyWeeks: 0, rollout: ALL_AT_ONCE, expectedUplift: 5 });
    expect(none).toMatchObject({ minimumDetectable: null, belowDetectable: false });
    expect(none.sentence).toMatch(/no data in the last three months/);
    const median = detectability({
      kpi: { ...kpi, kind: 'median', name: 'Days to settle' },
      recent,
      recentDays: 91,
      historyWeeks: 30,
      rollout: ALL_AT_ONCE,
      expectedUplift: 1,
    });
    expect(median.minimumDetectable).toBeNull();
    expect(median.sentence).toMatch(/no test of change/);
  });
});
