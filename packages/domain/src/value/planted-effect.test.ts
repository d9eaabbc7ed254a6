import { describe, expect, it } from 'vitest';
import { churnRegressionValue, churnValuePerPoint } from './churn-value.ts';
import { logisticRegression } from './logistic-regression.ts';
import { plantedChurn, type PlantedModel } from './testing/planted-churn.ts';

/**
 * The bar the value model has to clear: data drawn from a known logistic churn model (with a
 * seeded generator, so every run sees the same customers) must give back the planted effect
 * inside its 95% interval, and over many draws the intervals must hold the truth about 95% of
 * the time — neither overconfident nor padded.
 */
const PERIOD = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };
const PLANTED: PlantedModel = { n: 5_000, intercept: 1.0, scoreEffect: -0.35 };
const NO_EFFECT: PlantedModel = { ...PLANTED, scoreEffect: 0 };
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

/** The value per point the planted model implies for these very customers (no estimation error). */
function trueValue(model: PlantedModel, customers: ReturnType<typeof plantedChurn>['customers']): number {
  return churnValuePerPoint(
    [model.intercept, model.scoreEffect],
    [
      [0, 0],
      [0, 0],
    ],
    customers,
    10,
  ).value;
}

function coverage(model: PlantedModel) {
  let coefficient = 0;
  let value = 0;
  for (const seed of SEEDS) {
    const { customers } = plantedChurn(model, seed);
    const estimate = churnRegressionValue(customers, { ...PERIOD, scaleMax: 10 });
    expect(estimate.detail.converged).toBe(true);
    const slope = estimate.detail.coefficients[1]!;
    if (slope.ciLow <= model.scoreEffect && model.scoreEffect <= slope.ciHigh) coefficient += 1;
    const truth = trueValue(model, customers);
    if (estimate.ciLow <= truth && truth <= estimate.ciHigh) value += 1;
  }
  return { coefficient: coefficient / SEEDS.length, value: value / SEEDS.length };
}

describe('a planted churn effect (intercept 1.0, −0.35 per point on a 0–10 score, n = 5,000)', () => {
  it('is recovered: the score coefficient’s 95% interval holds −0.35 and the intercept’s holds 1.0', () => {
    const { customers } = plantedChurn(PLANTED, 42);
    const fit = logisticRegression({ outcomes: customers.map((c) => (c.churned ? 1 : 0)), score: customers.map((c) => c.score) });
    const [intercept, score] = fit.coefficients;
    expect(fit.converged).toBe(true);
    expect(score!.ciLow).toBeLessThanOrEqual(-0.35);
    expect(score!.ciHigh).toBeGreaterThanOrEqual(-0.35);
    expect(intercept!.ciLow).toBeLessThanOrEqual(1.0);
    expect(intercept!.ciHigh).toBeGreaterThanOrEqual(1.0);
    expect(score!.pValue).toBeLessThan(1e-6); // an effect this size on 5,000 customers is unmistakable
  });

  it('and the value per point it implies lies in the value’s interval, which is positive', () => {
    const { customers } = plantedChurn(PLANTED, 42);
    const estimate = churnRegressionValue(customers, { ...PERIOD, scaleMax: 10 });
    const truth = trueValue(PLANTED, customers);
    expect(estimate.ciLow).toBeGreaterThan(0);
    expect(estimate.ciLow).toBeLessThanOrEqual(truth);
    expect(estimate.ciHigh).toBeGreaterThanOrEqual(truth);
  });

  it('with the effect removed, the interval holds 0 and so does the value’s', () => {
    const { customers } = plantedChurn(NO_EFFECT, 42);
    const estimate = churnRegressionValue(customers, { ...PERIOD, scaleMax: 10 });
    const score = estimate.detail.coefficients[1]!;
    expect(score.ciLow).toBeLessThanOrEqual(0);
    expect(score.ciHigh).toBeGreaterThanOrEqual(0);
    expect(estimate.ciLow).toBeLessThanOrEqual(0);
    expect(estimate.ciHigh).toBeGreaterThanOrEqual(0);
  });

  it('is recovered beside a control that also drives churn (+0.5 log-odds per SD)', () => {
    const model = { ...PLANTED, controlEffect: 0.5 };
    const { customers, control } = plantedChurn(model, 7);
    const fit = logisticRegression({
      outcomes: customers.map((c) => (c.churned ? 1 : 0)),
      score: customers.map((c) => c.score),
      controls: [{ name: 'tenure', values: control }],
    });
    const [, score, tenure] = fit.coefficients;
    expect(score!.ciLow).toBeLessThanOrEqual(-0.35);
    expect(score!.ciHigh).toBeGreaterThanOrEqual(-0.35);
    expect(tenure!.ciLow).toBeLessThanOrEqual(0.5);
    expect(tenure!.ciHigh).toBeGreaterThanOrEqual(0.5);
  });

  // Coverage over 200 seeds: with a true rate of 95% the count is Binomial(200, 0.95),
  // SD = √(200 × 0.95 × 0.05) ≈ 3.1 (1.5 points), so 90–99% is about −3.2 to +2.6 SD.
  it('has honest intervals: over 200 seeds they hold the planted coefficient and value 90–99% of the time', () => {
    const { coefficient, value } = coverage(PLANTED);
    expect(coefficient).toBeGreaterThanOrEqual(0.9);
    expect(coefficient).toBeLessThanOrEqual(0.99);
    expect(value).toBeGreaterThanOrEqual(0.9);
    expect(value).toBeLessThanOrEqual(0.99);
  }, 30_000);

  it('has honest intervals with no effect too: they hold 0 on 90–99% of 200 seeds', () => {
    const { coefficient, value } = coverage(NO_EFFECT);
    expect(coefficient).toBeGreaterThanOrEqual(0.9);
    expect(coefficient).toBeLessThanOrEqual(0.99);
    expect(value).toBeGreaterThanOrEqual(0.9);
    expect(value).toBeLessThanOrEqual(0.99);
  }, 30_000);
});
