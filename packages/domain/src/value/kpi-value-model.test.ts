import { describe, expect, it } from 'vitest';
import { plantedChurn } from './testing/planted-churn.ts';
import { BOOTSTRAP_DRAWS_PER_SLICE } from './band-value.ts';
import {
  fitScoreValueModel,
  fitScoreValueModelSteps,
  kpiOfScores,
  kpiPointsPerScorePoint,
  perKpiPoint,
  scoreBands,
} from './kpi-value-model.ts';
import type { ChurnRegressionEstimate } from './value.schema.ts';

describe('a score point in KPI points', () => {
  it('moves NPS only through the 6s and 8s', () => {
    // 10 customers: 6, 6, 8, 9, 10, 3, 7, 8, 9, 10 → NPS 100·(4 − 3)/10 = 10
    const scores = [6, 6, 8, 9, 10, 3, 7, 8, 9, 10];
    expect(kpiOfScores('nps', scores)).toBe(10);
    // +1 each: 7, 7, 9, 10, 10, 4, 8, 9, 10, 10 → promoters 6, detractors 1 → 50; the two 6s and two 8s moved: 100·4/10 = 40
    expect(kpiPointsPerScorePoint('nps', scores)).toBeCloseTo(40, 10);
  });

  it('moves CSAT through the 3s and a mean by one, short of the top', () => {
    expect(kpiPointsPerScorePoint('csat', [3, 3, 4, 5])).toBe(50);
    // CES 1..7 mean: the 7 cannot rise, so (6 × 1)/7
    expect(kpiPointsPerScorePoint('ces', [1, 2, 3, 4, 5, 6, 7])).toBeCloseTo(6 / 7, 10);
  });

  it('reads a 1–7 CSAT through its stated box', () => {
    // box 6–7: +1 moves only the 5s into it → 100·2/5 = 40
    expect(kpiPointsPerScorePoint('csat', [2, 5, 5, 6, 7], { max: 7, positiveFrom: 6 })).toBe(40);
    expect(scoreBands('csat', { max: 7, positiveFrom: 6 })).toMatchObject({ scaleMin: 1, bottomMax: 4, topMin: 6, scaleMax: 7 });
  });

  it('divides the value and its interval by that', () => {
    const raw = {
      method: 'churn_regression',
      valuePerPoint: 400,
      ciLow: 200,
      ciHigh: 600,
      detail: { standardError: 100 },
    } as unknown as ChurnRegressionEstimate;
    const per = perKpiPoint(raw, 'nps', [6, 8, 9, 10]);
    // 100·2/4 = 50 NPS points per score point → 400/50 = 8 a point
    expect(per).toMatchObject({ valuePerPoint: 8, ciLow: 4, ciHigh: 12, detail: { standardError: 2, kpiPointsPerScorePoint: 50 } });
  });
});

describe('the value model of a score KPI', () => {
  it('fits both estimators on customers with a planted effect, the regression per NPS point', () => {
    const customers = plantedChurn({ n: 3_000, intercept: 0.5, scoreEffect: -0.35 }, 7).customers;
    const { estimates, problems } = fitScoreValueModel('nps', customers, { periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(problems).toEqual([]);
    expect(estimates.map((e) => e.method)).toEqual(['band_ltv', 'churn_regression']);
    for (const e of estimates) {
      expect(e.valuePerPoint).toBeGreaterThan(0);
      expect(e.ciLow).toBeLessThanOrEqual(e.valuePerPoint);
      expect(e.ciHigh).toBeGreaterThanOrEqual(e.valuePerPoint);
    }
    const regression = estimates.find((e) => e.method === 'churn_regression')!;
    expect(regression.method === 'churn_regression' && regression.detail.kpiPointsPerScorePoint).toBeGreaterThan(0);
  });

  it('says why it fits nothing on too few customers', () => {
    const { estimates, problems } = fitScoreValueModel('nps', plantedChurn({ n: 10, intercept: 0, scoreEffect: -0.3 }, 1).customers, {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    expect(estimates).toEqual([]);
    expect(problems[0]).toMatch(/Only 10 customers/);
  });

  it('fits in slices, to the same result as straight through', () => {
    const period = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
    const customers = plantedChurn({ n: 1_000, intercept: 0.5, scoreEffect: -0.35 }, 7).customers;
    const steps = fitScoreValueModelSteps('nps', customers, period);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value).toEqual(fitScoreValueModel('nps', customers, period));
    // The bootstrap's pauses (2,000 resamples × 1,000 draws), and the regression's passes.
    expect(pauses).toBeGreaterThan(Math.floor((2_000 * 1_000) / BOOTSTRAP_DRAWS_PER_SLICE) + 5);
  });
});
