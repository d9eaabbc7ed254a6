import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { DomainError } from '../common/domain-error.ts';
import { runAtOnce, type SlicedWork } from '../common/sliced-work.ts';
import { Z95 } from '../metrics/kpi-value.schema.ts';
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './cholesky.ts';
import type { FitProblem, LogisticCoefficient } from './value.schema.ts';

export interface LogisticColumn {
  name: string;
  values: readonly number[];
}

export interface LogisticRegressionInput {
  /** 1 = the event happened (the customer churned), 0 = it did not. */
  outcomes: readonly number[];
  score: readonly number[];
  /** Further columns to hold constant (tenure, plan size…), aligned with `outcomes`. */
  controls?: readonly LogisticColumn[];
}

export interface LogisticRegressionOptions {
  /** Newton steps before giving up (1–200, default 50); R's glm allows 25. */
  maxIterations?: number;
  /** Converged when no coefficient moves by more than this relative to its size. */
  tolerance?: number;
  scoreName?: string;
}

export interface LogisticRegressionFit {
  /** Intercept, score, then the controls in the order given. */
  coefficients: LogisticCoefficient[];
  /** The inverse Fisher information at the estimate: the coefficients' covariance. */
  covariance: Matrix;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Why the fit did not converge; null when it did. A fit that did not converge is not an estimate. */
  problem: FitProblem | null;
  n: number;
  events: number;
}

const INTERCEPT = '(intercept)';

/** σ(η) = 1/(1 + e^−η), written so that neither branch overflows. */
export function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** Two-sided normal p-value, from the lower tail so it keeps precision for large |z|. */
function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

interface State {
  logLikelihood: number;
  /** Xᵀ(y − μ): the score vector, zero at the maximum. */
  gradient: number[];
  /** Xᵀ W X with W = diag(μ(1 − μ)): the Fisher information. */
  information: Matrix;
  maxAbsEta: number;
}

/** The log-likelihood and its first two derivatives at β, for the row-major n × p design `x`. */
function evaluate(x: Float64Array, y: readonly number[], beta: readonly number[]): State {
  const p = beta.length;
  const gradient = new Array<number>(p).fill(0);
  const lower = new Float64Array(p * p);
  let logLikelihood = 0;
  let maxAbsEta = 0;
  for (let i = 0; i < y.length; i++) {
    const row = i * p;
    let eta = 0;
    for (let j = 0; j < p; j++) eta += x[row + j]! * beta[j]!;
    maxAbsEta = Math.max(maxAbsEta, Math.abs(eta));
    // One exp serves both tails: with e = exp(−|η|), σ(|η|) = 1/(1 + e), σ(−|η|) = e/(1 + e) and
    // log σ(±η) = min(±η, 0) − log1p(e). Taking μ and 1 − μ each this way keeps 1 − μ from
    // rounding to 0 in the tails, where the weights that detect separation live.
    const e = Math.exp(-Math.abs(eta));
    const near = 1 / (1 + e);
    const far = e / (1 + e);
    const mu = eta >= 0 ? near : far;
    const oneMinusMu = eta >= 0 ? far : near;
    const event = y[i] === 1;
    logLikelihood += Math.min(event ? eta : -eta, 0) - Math.log1p(e);
    const residual = event ? oneMinusMu : -mu;
    const weight = mu * oneMinusMu;
    for (let j = 0; j < p; j++) {
      const xj = x[row + j]!;
      gradient[j]! += xj * residual;
      for (let k = 0; k <= j; k++) lower[j * p + k]! += weight * xj * x[row + k]!;
    }
  }
  const information: Matrix = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, k) => lower[Math.max(j, k) * p + Math.min(j, k)]!),
  );
  return { logLikelihood, gradient, information, maxAbsEta };
}

function validate(input: LogisticRegressionInput, names: readonly string[]): LogisticColumn[] {
  const n = input.outcomes.length;
  const columns: LogisticColumn[] = [{ name: names[1]!, values: input.score }, ...(input.controls ?? [])];
  for (const column of columns) {
    if (column.values.length !== n) {
      throw new DomainError('BAD_REQUEST', `${column.name} has ${column.values.length} values for ${n} outcomes`);
    }
    if (!column.values.every(Number.isFinite)) throw new DomainError('BAD_REQUEST', `${column.name} has a missing or non-finite value`);
  }
  if (!input.outcomes.every((y) => y === 0 || y === 1)) throw new DomainError('BAD_REQUEST', 'outcomes must each be 0 or 1');
  if (new Set(names).size !== names.length) throw new DomainError('BAD_REQUEST', 'column names must be distinct');
  const p = columns.length + 1;
  const minimum = Math.max(10, 2 * p);
  if (n < minimum) {
    throw new DomainError('PRECONDITION_FAILED', `a regression with ${p} coefficients needs at least ${minimum} customers; there are ${n}`);
  }
  const events = input.outcomes.filter((y) => y === 1).length;
  if (events === 0 || events === n) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `${events === 0 ? 'no' : 'every'} customer churned, so there is nothing to relate the score to`,
    );
  }
  return columns;
}

/**
 * Logistic regression of a 0/1 outcome on an intercept, a score and optional controls, by
 * Newton–Raphson on the log-likelihood (for the logit link this is IRLS / Fisher scoring):
 * β ← β + (XᵀWX)⁻¹ Xᵀ(y − μ), halving a step that would lower the likelihood.
 *
 * Columns are centred and scaled internally (Newton's iterates are invariant to that, the
 * rounding is not) and the estimates mapped back. Standard errors come from the inverse
 * Fisher information; intervals are 95% Wald, p-values two-sided normal.
 *
 * Throws DomainError for input that cannot be fitted: mismatched or non-finite columns, too
 * few rows, an outcome that never or always happens, a constant column, collinear columns.
 * Data that separates the outcome (a score that predicts churn perfectly has no finite MLE)
 * and any other failure to settle end with `converged: false` and a `problem`, every number
 * still finite: the last iterate, for display, not for use.
 */
export function logisticRegression(input: LogisticRegressionInput, options: LogisticRegressionOptions = {}): LogisticRegressionFit {
  return runAtOnce(logisticRegressionSteps(input, options));
}

/** `logisticRegression` in slices: a pause after the set-up and after each likelihood pass over the rows. */
export function* logisticRegressionSteps(
  input: LogisticRegressionInput,
  options: LogisticRegressionOptions = {},
): SlicedWork<LogisticRegressionFit> {
  const { maxIterations = 50, tolerance = 1e-8, scoreName = 'score' } = options;
  // Past ~700 separating steps the weights underflow and the covariance could overflow; no
  // real fit needs more than a few dozen.
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 200)
    throw new DomainError('BAD_REQUEST', 'maxIterations must be a whole number from 1 to 200');
  if (!(tolerance > 0)) throw new DomainError('BAD_REQUEST', 'tolerance must be positive');
  const names = [INTERCEPT, scoreName, ...(input.controls ?? []).map((c) => c.name)];
  const columns = validate(input, names);
  const y = input.outcomes;
  const n = y.length;
  const p = names.length;
  const events = y.filter((v) => v === 1).length;

  const centres = columns.map((c) => c.values.reduce((s, v) => s + v, 0) / n);
  const scales = columns.map((c, j) => Math.sqrt(c.values.reduce((s, v) => s + (v - centres[j]!) ** 2, 0) / n));
  columns.forEach((c, j) => {
    if (!(scales[j]! > 1e-12 * Math.max(1, Math.abs(centres[j]!)))) {
      throw new DomainError('PRECONDITION_FAILED', `${c.name} is the same for every customer, so its effect cannot be estimated`);
    }
  });
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    x[i * p] = 1;
    columns.forEach((c, j) => (x[i * p + j + 1] = (c.values[i]! - centres[j]!) / scales[j]!));
  }

  // Start where the intercept alone fits: log-odds of the overall rate, slopes 0.
  let beta = [Math.log(events / (n - events)), ...new Array<number>(p - 1).fill(0)];
  yield;
  let state = evaluate(x, y, beta);
  let factor = cholesky(state.information);
  // Here every weight is the same positive number, so a singular information matrix means
  // one column is a combination of the others.
  if (!factor)
    throw new DomainError(
      'PRECONDITION_FAILED',
      `the columns ${names.slice(1).join(', ')} are collinear: one is a combination of the others`,
    );

  let iterations = 0;
  let converged = false;
  let problem: FitProblem | null = null;
  while (iterations < maxIterations) {
    const step = choleskySolve(factor, state.gradient);
    const moved = Math.max(...step.map((d, j) => Math.abs(d) / (1 + Math.abs(beta[j]!))));
    let size = 1;
    let next = beta.map((b, j) => b + step[j]!);
    yield;
    let nextState = evaluate(x, y, next);
    // The log-likelihood is concave, so a short enough Newton step always climbs; the slack
    // lets a step at the optimum through when rounding makes "equal" look lower.
    const slack = 1e-12 * (1 + Math.abs(state.logLikelihood));
    const climbs = () => nextState.logLikelihood >= state.logLikelihood - slack;
    while (!climbs() && size > 1e-9) {
      size /= 2;
      next = beta.map((b, j) => b + size * step[j]!);
      yield;
      nextState = evaluate(x, y, next);
    }
    const nextFactor = cholesky(nextState.information);
    if (!nextFactor) {
      // Every weight μ(1 − μ) collapsing to 0: fitted probabilities of exactly 0 or 1.
      problem = 'separation';
      break;
    }
    if (!climbs()) {
      // No step climbs any more: we are at the top, to rounding, if the Newton step was tiny.
      converged = moved < tolerance;
      break;
    }
    iterations += 1;
    beta = next;
    state = nextState;
    factor = nextFactor;
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged && problem === null) {
    // Coefficients still marching while fitted probabilities head for 0 or 1: separation.
    problem = state.maxAbsEta > 15 ? 'separation' : 'max_iterations';
  }

  // Back to the caller's units: β_j = β*_j / s_j for the slopes, β_0 = β*_0 − Σ β*_j m_j / s_j,
  // i.e. β = T β*, so Cov(β) = T Cov(β*) Tᵀ.
  const t: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  t[0]![0] = 1;
  for (let j = 1; j < p; j++) {
    t[0]![j] = -centres[j - 1]! / scales[j - 1]!;
    t[j]![j] = 1 / scales[j - 1]!;
  }
  const scaledCovariance = choleskyInverse(factor);
  const estimates = t.map((row) => row.reduce((s, v, k) => s + v * beta[k]!, 0));
  const covariance = t.map((ti) =>
    t.map((tj) => ti.reduce((s, a, k) => s + a * tj.reduce((u, b, l) => u + scaledCovariance[k]![l]! * b, 0), 0)),
  );

  const coefficients = names.map((name, j): LogisticCoefficient => {
    const estimate = estimates[j]!;
    const standardError = Math.sqrt(Math.max(0, covariance[j]![j]!));
    const z = standardError > 0 ? estimate / standardError : 0;
    return {
      name,
      estimate,
      standardError,
      ciLow: estimate - Z95 * standardError,
      ciHigh: estimate + Z95 * standardError,
      z,
      pValue: twoSidedP(z),
    };
  });
  return { coefficients, covariance, logLikelihood: state.logLikelihood, iterations, converged, problem, n, events };
}
