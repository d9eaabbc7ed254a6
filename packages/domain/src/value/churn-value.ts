import { DomainError } from '../common/domain-error.ts';
import { runAtOnce, type SlicedWork } from '../common/sliced-work.ts';
import { Z95 } from '../metrics/kpi-value.schema.ts';
import type { Matrix } from './cholesky.ts';
import { logisticRegressionSteps, sigmoid, type LogisticColumn, type LogisticRegressionOptions } from './logistic-regression.ts';
import type { ChurnRegressionEstimate, CustomerOutcome } from './value.schema.ts';

export interface ChurnValueRow {
  score: number;
  revenue: number;
  /** The customer's control values, in the regression's order. */
  controls?: readonly number[];
}

export interface ChurnValue {
  value: number;
  /** Delta-method standard error of `value`. */
  standardError: number;
}

/**
 * PRODUCT.md's churn-regression value of one point:
 *   V = Σᵢ revenueᵢ · [P(churn | sᵢ) − P(churn | sᵢ + 1)],  P(churn | s) = σ(β₀ + β_s·s + β_c·cᵢ),
 * each customer's controls held at their own values: the annual revenue kept if every
 * customer's score rose by one point. A customer already at `scaleMax` cannot rise and adds 0.
 *
 * The interval is the delta method on the coefficients' covariance Σ: Var(V) ≈ ∇Vᵀ Σ ∇V, with
 *   ∂V/∂β_j = Σᵢ rᵢ · [σ′(ηᵢ)·xᵢⱼ − σ′(ηᵢ + β_s)·(xᵢⱼ + [j = s])],  σ′ = σ(1 − σ),
 * x = (1, s, c…). Revenue is taken as known (these are the organisation's own customers), so
 * all the uncertainty is the coefficients'. Chosen over a parametric bootstrap because V is a
 * smooth function of β, the fits it is used for have hundreds of customers (where β is close
 * to normal, which is all either method assumes), and it needs no seed. The planted-effect
 * tests check its coverage.
 */
export function churnValuePerPoint(
  coefficients: readonly number[],
  covariance: Matrix,
  rows: readonly ChurnValueRow[],
  scaleMax?: number,
): ChurnValue {
  const p = coefficients.length;
  const scoreEffect = coefficients[1]!;
  const gradient = new Array<number>(p).fill(0);
  let value = 0;
  for (const row of rows) {
    if (scaleMax !== undefined && row.score >= scaleMax) continue;
    const x = [1, row.score, ...(row.controls ?? [])];
    const eta = x.reduce((s, v, j) => s + v * coefficients[j]!, 0);
    const now = sigmoid(eta);
    const raised = sigmoid(eta + scoreEffect);
    value += row.revenue * (now - raised);
    const slopeNow = now * (1 - now);
    const slopeRaised = raised * (1 - raised);
    for (let j = 0; j < p; j++) gradient[j]! += row.revenue * (slopeNow * x[j]! - slopeRaised * (x[j]! + (j === 1 ? 1 : 0)));
  }
  let variance = 0;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) variance += gradient[j]! * covariance[j]![k]! * gradient[k]!;
  return { value, standardError: Math.sqrt(Math.max(0, variance)) };
}

export interface ChurnValueOptions {
  periodStart: string;
  periodEnd: string;
  /** The top of the score's scale (10 for NPS); customers already there contribute nothing. */
  scaleMax?: number;
  /** Further columns for the regression, aligned with `customers`. */
  controls?: readonly LogisticColumn[];
  regression?: LogisticRegressionOptions;
}

/**
 * The churn-regression estimate of a point's value: fits churn on score (and controls), then
 * values a point as `churnValuePerPoint` does. Throws the regression's DomainError when the
 * data cannot be fitted at all; a fit that did not converge still returns, with
 * `detail.converged = false`, and `isReliableRegression` keeps it out of value links.
 */
export function churnRegressionValue(customers: readonly CustomerOutcome[], options: ChurnValueOptions): ChurnRegressionEstimate {
  return runAtOnce(churnRegressionSteps(customers, options));
}

/** `churnRegressionValue` in slices: the regression's, then a pause before valuing the point. */
export function* churnRegressionSteps(
  customers: readonly CustomerOutcome[],
  options: ChurnValueOptions,
): SlicedWork<ChurnRegressionEstimate> {
  if (!customers.every((c) => Number.isFinite(c.revenue) && c.revenue >= 0)) {
    throw new DomainError('BAD_REQUEST', 'every customer needs a finite, non-negative annual revenue');
  }
  const controls = options.controls ?? [];
  const fit = yield* logisticRegressionSteps(
    { outcomes: customers.map((c) => (c.churned ? 1 : 0)), score: customers.map((c) => c.score), controls },
    options.regression,
  );
  yield;
  const rows = customers.map((c, i) => ({ score: c.score, revenue: c.revenue, controls: controls.map((col) => col.values[i]!) }));
  const { value, standardError } = churnValuePerPoint(
    fit.coefficients.map((c) => c.estimate),
    fit.covariance,
    rows,
    options.scaleMax,
  );
  return {
    method: 'churn_regression',
    valuePerPoint: value,
    ciLow: value - Z95 * standardError,
    ciHigh: value + Z95 * standardError,
    nCustomers: customers.length,
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    detail: {
      coefficients: fit.coefficients,
      converged: fit.converged,
      problem: fit.problem,
      iterations: fit.iterations,
      logLikelihood: fit.logLikelihood,
      churned: fit.events,
      standardError,
      scaleMax: options.scaleMax ?? null,
    },
  };
}
