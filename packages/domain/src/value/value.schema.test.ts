import { describe, expect, it } from 'vitest';
import { bandLtvValue, NPS_BANDS } from './band-value.ts';
import { ZBandThresholds, ZCustomerOutcome, ZValueEstimate, ZValueModelResult } from './value.schema.ts';

const PERIOD = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const estimate = bandLtvValue(
  [
    { customerId: 'a', score: 2, churned: true, revenue: 100 },
    { customerId: 'b', score: 8, churned: false, revenue: 100 },
    { customerId: 'c', score: 10, churned: false, revenue: 150, costToServe: 20 },
  ],
  { thresholds: NPS_BANDS, ...PERIOD, resamples: 50 },
);

describe('value schemas', () => {
  it('accept a customer outcome, with or without cost to serve, and refuse negative or missing money', () => {
    expect(ZCustomerOutcome.parse({ customerId: 'c1', score: 9, churned: false, revenue: 1200 })).toEqual({
      customerId: 'c1',
      score: 9,
      churned: false,
      revenue: 1200,
    });
    expect(ZCustomerOutcome.safeParse({ customerId: 'c1', score: 9, churned: false, revenue: 1200, costToServe: 80 }).success).toBe(true);
    expect(ZCustomerOutcome.safeParse({ customerId: 'c1', score: 9, churned: false, revenue: -1 }).success).toBe(false);
    expect(ZCustomerOutcome.safeParse({ customerId: 'c1', score: 9, churned: false }).success).toBe(false);
    expect(ZCustomerOutcome.safeParse({ customerId: '', score: 9, churned: false, revenue: 1 }).success).toBe(false);
    expect(ZCustomerOutcome.safeParse({ customerId: 'c1', score: Number.NaN, churned: false, revenue: 1 }).success).toBe(false);
  });

  it('round-trip an estimate through JSON, as the API and worker pass it', () => {
    expect(ZValueEstimate.parse(JSON.parse(JSON.stringify(estimate)))).toEqual(estimate);
  });

  it('tie the detail to the method, and want ISO dates', () => {
    expect(ZValueEstimate.safeParse({ ...estimate, method: 'churn_regression' }).success).toBe(false);
    expect(ZValueEstimate.safeParse({ ...estimate, periodStart: '1 Jan 2026' }).success).toBe(false);
    expect(ZValueEstimate.safeParse({ ...estimate, valuePerPoint: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('hold a KPI’s model result with its fitting time', () => {
    const result = { kpiId: '8d6f1f7e-2c43-4b8e-9a51-3f0f2b7c9d10', estimates: [estimate], fittedAt: '2027-01-02T03:00:00.000Z' };
    expect(ZValueModelResult.parse(result)).toEqual(result);
    expect(ZValueModelResult.safeParse({ ...result, fittedAt: '2027-01-02' }).success).toBe(false);
    expect(ZValueModelResult.safeParse({ ...result, kpiId: 'nps' }).success).toBe(false);
  });

  it('check band thresholds are ordered', () => {
    expect(ZBandThresholds.safeParse(NPS_BANDS).success).toBe(true);
    expect(ZBandThresholds.safeParse({ ...NPS_BANDS, bottomMax: 9 }).success).toBe(false);
    expect(ZBandThresholds.safeParse({ ...NPS_BANDS, scaleMin: 7 }).success).toBe(false);
  });
});
