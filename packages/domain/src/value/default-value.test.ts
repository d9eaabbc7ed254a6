import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValuePerPoint, isReliableRegression, MIN_REGRESSION_CUSTOMERS } from './default-value.ts';
import { NPS_BANDS } from './band-value.ts';
import { ZValuePerPointChoice, type BandLtvEstimate, type ChurnRegressionEstimate } from './value.schema.ts';

const coefficient = (name: string, estimate: number) => ({
  name,
  estimate,
  standardError: 0.01,
  ciLow: estimate - 0.02,
  ciHigh: estimate + 0.02,
  z: estimate / 0.01,
  pValue: 0.001,
});

function regression(
  overrides: {
    nCustomers?: number;
    churned?: number;
    converged?: boolean;
    controls?: number;
    periodEnd?: string;
    valuePerPoint?: number;
  } = {},
): ChurnRegressionEstimate {
  const { nCustomers = 1_000, churned = 200, converged = true, controls = 0, periodEnd = '2026-12-31', valuePerPoint = 1_200 } = overrides;
  return {
    method: 'churn_regression',
    valuePerPoint,
    ciLow: valuePerPoint - 300,
    ciHigh: valuePerPoint + 300,
    nCustomers,
    periodStart: '2026-01-01',
    periodEnd,
    detail: {
      coefficients: [
        coefficient('(intercept)', 1),
        coefficient('score', -0.35),
        ...Array.from({ length: controls }, (_, i) => coefficient(`c${i}`, 0.1)),
      ],
      converged,
      problem: converged ? null : 'separation',
      iterations: 6,
      logLikelihood: -400,
      churned,
      standardError: 150,
      scaleMax: 10,
    },
  };
}

const band: BandLtvEstimate = {
  method: 'band_ltv',
  valuePerPoint: 900,
  ciLow: 600,
  ciHigh: 1_200,
  nCustomers: 1_000,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  detail: { bands: [], thresholds: NPS_BANDS, upliftPerMover: 90, resamples: 2_000, seed: 1 },
};

describe('isReliableRegression', () => {
  it('needs convergence, 100 customers and 10 of the rarer outcome per slope', () => {
    expect(isReliableRegression(regression())).toBe(true);
    expect(isReliableRegression(regression({ converged: false }))).toBe(false);
    expect(isReliableRegression(regression({ nCustomers: MIN_REGRESSION_CUSTOMERS - 1, churned: 40 }))).toBe(false);
    expect(isReliableRegression(regression({ nCustomers: MIN_REGRESSION_CUSTOMERS, churned: 40 }))).toBe(true);
    // One slope needs 10 churners (and 10 stayers); three slopes need 30.
    expect(isReliableRegression(regression({ churned: 10 }))).toBe(true);
    expect(isReliableRegression(regression({ churned: 9 }))).toBe(false);
    expect(isReliableRegression(regression({ churned: 991 }))).toBe(false); // only 9 stayed
    expect(isReliableRegression(regression({ churned: 29, controls: 2 }))).toBe(false);
    expect(isReliableRegression(regression({ churned: 30, controls: 2 }))).toBe(true);
  });
});

describe('defaultValuePerPoint', () => {
  it('uses an entered value over any estimate, and still returns the model’s pick to show beside it', () => {
    expect(defaultValuePerPoint(500, [band, regression()])).toEqual({ value: 500, source: 'entered', estimate: regression() });
    expect(defaultValuePerPoint(0, [band])).toEqual({ value: 0, source: 'entered', estimate: band });
    expect(defaultValuePerPoint(500, [])).toEqual({ value: 500, source: 'entered' });
  });

  it('otherwise prefers a reliable churn regression', () => {
    expect(defaultValuePerPoint(null, [band, regression()])).toEqual({ value: 1_200, source: 'churn_regression', estimate: regression() });
  });

  it('falls back to band LTV when the regression did not converge or had too few customers', () => {
    expect(defaultValuePerPoint(null, [regression({ converged: false }), band])).toEqual({
      value: 900,
      source: 'band_ltv',
      estimate: band,
    });
    expect(defaultValuePerPoint(null, [regression({ nCustomers: 50, churned: 20 }), band])).toMatchObject({ source: 'band_ltv' });
    expect(defaultValuePerPoint(null, [band])).toMatchObject({ value: 900, source: 'band_ltv' });
  });

  it('gives nothing when there is nothing to give', () => {
    expect(defaultValuePerPoint(null, [])).toBeNull();
    expect(defaultValuePerPoint(null, [regression({ converged: false })])).toBeNull();
  });

  it('takes the latest period when a method appears twice', () => {
    const older = regression({ periodEnd: '2025-12-31', valuePerPoint: 1_000 });
    expect(defaultValuePerPoint(null, [older, regression()])?.value).toBe(1_200);
    expect(defaultValuePerPoint(null, [regression(), older])?.value).toBe(1_200);
  });

  it('always answers in the shared shape, with the entered value winning whenever there is one', () => {
    const estimates = fc.subarray([band, regression(), regression({ converged: false }), regression({ nCustomers: 20, churned: 10 })]);
    fc.assert(
      fc.property(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })), estimates, (entered, list) => {
        const choice = defaultValuePerPoint(entered, list);
        if (entered !== null) expect(choice).toMatchObject({ value: entered, source: 'entered' });
        if (choice) {
          expect(ZValuePerPointChoice.safeParse(choice).success).toBe(true);
          if (choice.source !== 'entered') expect(choice.value).toBe(choice.estimate!.valuePerPoint);
        } else expect(list.some((e) => e.method === 'band_ltv' || isReliableRegression(e))).toBe(false);
      }),
    );
  });
});

describe('an entered value against the model', () => {
  it('is flagged outside the interval, with a ratio only against an estimate clearly above zero', async () => {
    const { describeDivergence } = await import('./default-value.ts');
    const base = { entered: 42_000, modelled: 357, ciLow: 251, ciHigh: 463, method: 'band_ltv' as const, ratio: 42_000 / 357 };
    expect(describeDivergence(base)).toBe(
      "Entered £42,000 per point lies outside the value model's 95% interval £251–£463 (estimate £357) (118× the model).",
    );
    expect(describeDivergence({ ...base, modelled: -0.2, ciLow: -1.4, ciHigh: 1.1, ratio: 42_000 / -0.2 })).toBe(
      "Entered £42,000 per point lies outside the value model's 95% interval −£1–£1 (estimate £0).",
    );
  });
});
