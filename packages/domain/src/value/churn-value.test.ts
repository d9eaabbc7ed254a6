import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.ts';
import { churnRegressionValue, churnValuePerPoint, type ChurnValueRow } from './churn-value.ts';
import { isReliableRegression } from './default-value.ts';
import { plantedChurn } from './testing/planted-churn.ts';
import { ZValueEstimate, type CustomerOutcome } from './value.schema.ts';

const PERIOD = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const LN3 = Math.log(3);

describe('value per point from the churn regression, by hand', () => {
  // β₀ = 0, β_s = −ln 3, so P(churn | s) = σ(−s·ln 3) = 1 / (1 + 3^s): P(0) = 0.5, P(1) = 0.25, P(2) = 0.1.
  // Customer A: score 0, revenue 100 → 100 × (0.5 − 0.25) = 25
  // Customer B: score 1, revenue 200 → 200 × (0.25 − 0.1) = 30;   V = 55.
  const rows: ChurnValueRow[] = [
    { score: 0, revenue: 100 },
    { score: 1, revenue: 200 },
  ];

  it('sums revenue × the fall in churn probability: 25 + 30 = 55', () => {
    expect(
      churnValuePerPoint(
        [0, -LN3],
        [
          [0, 0],
          [0, 0],
        ],
        rows,
      ).value,
    ).toBeCloseTo(55, 10);
  });

  it('takes its standard error by the delta method', () => {
    // σ′ = σ(1 − σ): σ′(0) = 0.25, σ′(−ln 3) = 0.1875, σ′(−2 ln 3) = 0.09.
    // ∂V/∂β₀ = 100·(0.25 − 0.1875) + 200·(0.1875 − 0.09) = 6.25 + 19.5 = 25.75
    // ∂V/∂β_s = 100·(0.25·0 − 0.1875·1) + 200·(0.1875·1 − 0.09·2) = −18.75 + 1.5 = −17.25
    // With Σ = diag(0.01, 0.04): Var = 25.75²·0.01 + 17.25²·0.04 = 6.630625 + 11.9025 = 18.533125, SE = 4.305012
    const { standardError } = churnValuePerPoint(
      [0, -LN3],
      [
        [0.01, 0],
        [0, 0.04],
      ],
      rows,
    );
    expect(standardError).toBeCloseTo(Math.sqrt(18.533125), 10);
    // and with a covariance of 0.005 between them: + 2 × 25.75 × (−17.25) × 0.005 = −4.441875 → 14.09125
    expect(
      churnValuePerPoint(
        [0, -LN3],
        [
          [0.01, 0.005],
          [0.005, 0.04],
        ],
        rows,
      ).standardError,
    ).toBeCloseTo(Math.sqrt(14.09125), 10);
  });

  it('holds each customer’s controls at their own values', () => {
    // β = (0, −ln 3, ln 3); a customer at score 0 with control 1 has η = ln 3: P = 0.75, raised P = σ(0) = 0.5,
    // so 400 × 0.25 = 100; with control 0 they are customer A again (25 per 100 of revenue → 100 for 400).
    expect(
      churnValuePerPoint(
        [0, -LN3, LN3],
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
        [{ score: 0, revenue: 400, controls: [1] }],
      ).value,
    ).toBeCloseTo(100, 10);
    expect(
      churnValuePerPoint(
        [0, -LN3, LN3],
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
        [{ score: 0, revenue: 400, controls: [0] }],
      ).value,
    ).toBeCloseTo(100, 10);
    expect(
      churnValuePerPoint(
        [0, -LN3, LN3],
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
        [{ score: 1, revenue: 400, controls: [1] }],
      ).value,
    ).toBeCloseTo(100, 10);
  });

  it('counts nothing for customers already at the top of the scale', () => {
    // Customer B at the top (scaleMax = 1) cannot rise: only A's 25 is left.
    expect(
      churnValuePerPoint(
        [0, -LN3],
        [
          [0, 0],
          [0, 0],
        ],
        rows,
        1,
      ).value,
    ).toBeCloseTo(25, 10);
  });
});

const coefficients = fc.tuple(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }));
const customers = fc.array(
  fc.record({ score: fc.integer({ min: 0, max: 10 }), revenue: fc.double({ min: 1, max: 10_000, noNaN: true }) }),
  { minLength: 1, maxLength: 50 },
);
const covariance = fc
  .tuple(
    fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
    fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
    fc.double({ min: -0.99, max: 0.99, noNaN: true }),
  )
  .map(([a, b, r]) => [
    [a * a, r * a * b],
    [r * a * b, b * b],
  ]);

describe('invariants of the churn value', () => {
  it('has the opposite sign of the score coefficient: less churn per point means positive value, and 0 for no effect', () => {
    fc.assert(
      fc.property(coefficients, customers, ([b0, bs], rows) => {
        const { value } = churnValuePerPoint(
          [b0, bs],
          [
            [0, 0],
            [0, 0],
          ],
          rows,
        );
        // (A coefficient within rounding of 0 may give exactly 0, never the wrong sign.)
        if (Math.abs(bs) > 1e-9) expect(Math.sign(value)).toBe(-Math.sign(bs));
        else expect(value * Math.sign(bs)).toBeLessThanOrEqual(0);
        expect(
          churnValuePerPoint(
            [b0, 0],
            [
              [0, 0],
              [0, 0],
            ],
            rows,
          ).value,
        ).toBe(0);
      }),
    );
  });

  it('grows in proportion to revenue', () => {
    fc.assert(
      fc.property(coefficients, customers, fc.double({ min: 0.1, max: 10, noNaN: true }), ([b0, bs], rows, k) => {
        const base = churnValuePerPoint(
          [b0, bs],
          [
            [0, 0],
            [0, 0],
          ],
          rows,
        ).value;
        const scaled = churnValuePerPoint(
          [b0, bs],
          [
            [0, 0],
            [0, 0],
          ],
          rows.map((r) => ({ ...r, revenue: k * r.revenue })),
        ).value;
        expect(scaled).toBeCloseTo(k * base, 6);
      }),
    );
  });

  it('has a delta-method gradient that matches finite differences', () => {
    fc.assert(
      fc.property(coefficients, customers, ([b0, bs], rows) => {
        const value = (beta: number[]) =>
          churnValuePerPoint(
            beta,
            [
              [0, 0],
              [0, 0],
            ],
            rows,
          ).value;
        const h = 1e-6;
        // With Σ = e_j e_jᵀ the standard error is |∂V/∂β_j|.
        const partials = [0, 1].map(
          (j) =>
            churnValuePerPoint(
              [b0, bs],
              j === 0
                ? [
                    [1, 0],
                    [0, 0],
                  ]
                : [
                    [0, 0],
                    [0, 1],
                  ],
              rows,
            ).standardError,
        );
        const numeric = [0, 1].map((j) =>
          Math.abs((value(j === 0 ? [b0 + h, bs] : [b0, bs + h]) - value(j === 0 ? [b0 - h, bs] : [b0, bs - h])) / (2 * h)),
        );
        const scale = rows.reduce((s, r) => s + r.revenue, 0);
        partials.forEach((d, j) => expect(Math.abs(d - numeric[j]!)).toBeLessThan(1e-5 * scale));
      }),
    );
  });

  it('has an interval that holds the estimate and widens with the coefficients’ uncertainty', () => {
    fc.assert(
      fc.property(coefficients, customers, covariance, ([b0, bs], rows, cov) => {
        const narrow = churnValuePerPoint([b0, bs], cov, rows);
        const wide = churnValuePerPoint(
          [b0, bs],
          cov.map((row) => row.map((v) => 4 * v)),
          rows,
        );
        expect(narrow.standardError).toBeGreaterThanOrEqual(0);
        expect(wide.standardError).toBeCloseTo(2 * narrow.standardError, 6);
      }),
    );
  });
});

describe('churnRegressionValue', () => {
  it('fits, values and describes itself in the shared estimate shape', () => {
    const { customers: planted } = plantedChurn({ n: 2_000, intercept: 1, scoreEffect: -0.35 }, 3);
    const estimate = churnRegressionValue(planted, { ...PERIOD, scaleMax: 10 });
    expect(ZValueEstimate.parse(estimate)).toEqual(estimate);
    expect(estimate).toMatchObject({ method: 'churn_regression', nCustomers: 2_000, ...PERIOD });
    expect(estimate.detail).toMatchObject({ converged: true, problem: null, scaleMax: 10 });
    expect(estimate.detail.churned).toBe(planted.filter((c) => c.churned).length);
    expect(estimate.ciLow).toBeLessThan(estimate.valuePerPoint);
    expect(estimate.ciHigh).toBeGreaterThan(estimate.valuePerPoint);
    // The interval is the value ± 1.96 standard errors.
    expect((estimate.ciHigh - estimate.ciLow) / 2).toBeCloseTo(1.96 * estimate.detail.standardError, 8);
    expect(isReliableRegression(estimate)).toBe(true);
  });

  it('passes controls through to the regression', () => {
    const { customers: planted, control } = plantedChurn({ n: 1_000, intercept: 1, scoreEffect: -0.35, controlEffect: 0.5 }, 4);
    const estimate = churnRegressionValue(planted, { ...PERIOD, controls: [{ name: 'tenure', values: control }] });
    expect(estimate.detail.coefficients.map((c) => c.name)).toEqual(['(intercept)', 'score', 'tenure']);
    expect(estimate.detail.scaleMax).toBeNull();
  });

  it('returns a separated fit as not converged, finite and unreliable', () => {
    const separated: CustomerOutcome[] = Array.from({ length: 40 }, (_, i) => ({
      customerId: `c${i}`,
      score: i % 11,
      churned: i % 11 < 5,
      revenue: 100,
    }));
    const estimate = churnRegressionValue(separated, { ...PERIOD, scaleMax: 10 });
    expect(estimate.detail).toMatchObject({ converged: false, problem: 'separation' });
    expect(ZValueEstimate.safeParse(estimate).success).toBe(true);
    expect(isReliableRegression(estimate)).toBe(false);
  });

  it('refuses negative or missing revenue', () => {
    const bad: CustomerOutcome[] = [{ customerId: 'a', score: 3, churned: true, revenue: -1 }];
    expect(() => churnRegressionValue(bad, PERIOD)).toThrow(DomainError);
  });
});
