import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from '../../value/cholesky.ts';

/**
 * Ordinary least squares and a Newey–West covariance for it: the regression core of the
 * counterfactual designs. The designs are a few dozen to a few hundred weekly rows and at most
 * ~15 columns, so the normal equations solved by Cholesky are plenty; columns are scaled to
 * unit length first and one step of iterative refinement recovers the digits that squaring the
 * condition number costs.
 */
export interface LeastSquaresFit {
  coefficients: number[];
  residuals: number[];
  fitted: number[];
  /** (XᵀX)⁻¹, the bread of the sandwich. */
  bread: Matrix;
  /** The design matrix, one row per observation. */
  rows: readonly (readonly number[])[];
  n: number;
  p: number;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

/** Xᵀv for the row-major design `rows`. */
function transposeTimes(rows: readonly (readonly number[])[], v: readonly number[], p: number): number[] {
  const out = new Array<number>(p).fill(0);
  rows.forEach((row, i) => {
    for (let j = 0; j < p; j++) out[j]! += row[j]! * v[i]!;
  });
  return out;
}

/**
 * The least-squares fit of y on the columns of `rows` (put in a column of ones for an
 * intercept), or null when it has none: fewer rows than columns, or columns that are (nearly)
 * linear combinations of each other.
 */
export function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): LeastSquaresFit | null {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n !== y.length || p === 0 || n <= p || rows.some((row) => row.length !== p)) return null;
  if (!y.every(Number.isFinite) || !rows.every((row) => row.every(Number.isFinite))) return null;
  const scale = Array.from({ length: p }, (_, j) => Math.sqrt(rows.reduce((s, row) => s + row[j]! ** 2, 0)));
  if (!scale.every((s) => s > 0)) return null;
  // A = D⁻¹XᵀXD⁻¹ with D = diag(column lengths): unit diagonal, the same solution up to D.
  const a: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of rows) {
    for (let j = 0; j < p; j++) {
      const xj = row[j]! / scale[j]!;
      for (let k = 0; k <= j; k++) a[j]![k]! += xj * (row[k]! / scale[k]!);
    }
  }
  for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) a[j]![k] = a[k]![j]!;
  const factor = cholesky(a);
  if (!factor) return null;
  const solve = (v: readonly number[]) =>
    choleskySolve(
      factor,
      transposeTimes(rows, v, p).map((s, j) => s / scale[j]!),
    ).map((g, j) => g / scale[j]!);
  const first = solve(y);
  const correction = solve(y.map((yi, i) => yi - dot(rows[i]!, first)));
  const coefficients = first.map((b, j) => b + correction[j]!);
  const fitted = rows.map((row) => dot(row, coefficients));
  const inverse = choleskyInverse(factor);
  const bread = inverse.map((r, j) => r.map((v, k) => v / (scale[j]! * scale[k]!)));
  return { coefficients, residuals: y.map((yi, i) => yi - fitted[i]!), fitted, bread, rows, n, p };
}

/** Newey & West's (1994) automatic lag for T observations with the Bartlett kernel: ⌊4·(T/100)^(2/9)⌋. */
export function neweyWestLag(observations: number): number {
  return Math.floor(4 * (observations / 100) ** (2 / 9));
}

export interface NeweyWestOptions {
  /** The largest lag given weight; lag ℓ is weighted 1 − ℓ/(lag + 1) (the Bartlett kernel). */
  lag: number;
  /**
   * The time of each row, as whole periods (weeks). Rows at the same time have their scores
   * summed before the lags are taken, which is Driscoll & Kraay's (1998) covariance for panels
   * of groups that share shocks; lags count periods, so a week left out is a gap, not a
   * neighbour. Without it, row i is time i: plain Newey–West.
   */
  times?: readonly number[];
  /** Multiply by n/(n − p), a small-sample correction (sandwich's `adjust = TRUE`). */
  adjust?: boolean;
}

/**
 * The heteroskedasticity- and autocorrelation-consistent covariance of Newey & West (1987):
 * (XᵀX)⁻¹ · [Σ_t s_t s_tᵀ + Σ_{ℓ=1..L} (1 − ℓ/(L+1)) Σ_t (s_t s_{t−ℓ}ᵀ + s_{t−ℓ} s_tᵀ)] · (XᵀX)⁻¹,
 * with s_t = x_t·e_t the score of period t. It is what R's
 * `sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)` computes, and with
 * `times` what `sandwich::vcovPL(fit, cluster = ~group, order.by = ~time, lag = L, adjust = FALSE)` does.
 */
export function neweyWestCovariance(fit: LeastSquaresFit, options: NeweyWestOptions): Matrix {
  const { lag, times, adjust = false } = options;
  const { p, n } = fit;
  const byTime = new Map<number, number[]>();
  fit.rows.forEach((row, i) => {
    const t = times ? times[i]! : i;
    const score = byTime.get(t) ?? new Array<number>(p).fill(0);
    for (let j = 0; j < p; j++) score[j]! += row[j]! * fit.residuals[i]!;
    byTime.set(t, score);
  });
  const periods = [...byTime.keys()].sort((a, b) => a - b);
  const meat: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const add = (weight: number, s: readonly number[], u: readonly number[]) => {
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) meat[j]![k]! += weight * s[j]! * u[k]!;
  };
  periods.forEach((t, a) => {
    const s = byTime.get(t)!;
    add(1, s, s);
    for (let b = a + 1; b < periods.length && periods[b]! - t <= lag; b++) {
      const u = byTime.get(periods[b]!)!;
      const weight = 1 - (periods[b]! - t) / (lag + 1);
      add(weight, s, u);
      add(weight, u, s);
    }
  });
  const factor = adjust ? n / (n - p) : 1;
  const half = fit.bread.map((row) => Array.from({ length: p }, (_, k) => row.reduce((s, v, m) => s + v * meat[m]![k]!, 0)));
  return half.map((row) => Array.from({ length: p }, (_, k) => factor * row.reduce((s, v, m) => s + v * fit.bread[m]![k]!, 0)));
}

export interface Contrast {
  estimate: number;
  standardError: number;
  /** The 95% interval on Student's t with the degrees of freedom given. */
  low: number;
  high: number;
  pValue: number;
}

/**
 * A linear combination cᵀβ of coefficients with its standard error √(cᵀVc), a 95% interval and
 * a two-sided p-value on t with `degreesOfFreedom` (as `lmtest::coeftest` does for a linear
 * model, where it is n − p): with a few dozen weeks the normal would claim too much.
 */
export function contrast(
  coefficients: readonly number[],
  covariance: Matrix,
  weights: readonly number[],
  degreesOfFreedom: number,
): Contrast {
  const variance = weights.reduce((s, wj, j) => s + wj * dot(covariance[j]!, weights), 0);
  return tInference(dot(weights, coefficients), Math.sqrt(Math.max(0, variance)), degreesOfFreedom);
}

function tInference(estimate: number, standardError: number, degreesOfFreedom: number): Contrast {
  const half = tQuantile(0.975, degreesOfFreedom) * standardError;
  const pValue = standardError > 0 ? Math.min(1, 2 * tCdf(-Math.abs(estimate / standardError), degreesOfFreedom)) : estimate === 0 ? 1 : 0;
  return { estimate, standardError, low: estimate - half, high: estimate + half, pValue };
}

/**
 * A contrast cᵀβ with Newey–West's variance corrected for small samples, after Bell & McCaffrey
 * (2002) and Imbens & Kolesár (2016, "Robust standard errors in small samples: some practical
 * advice"). Newey–West's variance of cᵀβ is a quadratic form in the residuals,
 * V̂ = Σ_{s,t} k(s,t)·a_s·a_t·e_s·e_t with a = X(XᵀX)⁻¹c and k the Bartlett weights. Residuals are
 * shrunk and made to sum to zero within any stretch a coefficient covers (an after-the-change
 * level over 13 weeks, say), and the lags then subtract their negative correlation, so V̂ is far
 * too small when a contrast rests on a few weeks. Under independent errors of equal variance σ²
 * (the benchmark), e = Mε with M = I − X(XᵀX)⁻¹Xᵀ, so E[V̂] = σ²·tr(G) and Var[V̂] = 2σ⁴·tr(G²)
 * for G = MAM, A_st = k(s,t)·a_s·a_t, while the true variance is σ²·Σa². The corrected variance is
 * V̂ · Σa² / tr(G), unbiased under the benchmark and still Newey–West under autocorrelation, and the
 * interval uses Student's t on Satterthwaite's degrees of freedom tr(G)² / tr(G²). With lag 0
 * and an intercept alone this is exactly the one-sample t-test.
 */
export function correctedContrast(
  fit: LeastSquaresFit,
  weights: readonly number[],
  options: Omit<NeweyWestOptions, 'adjust'>,
): Contrast & { degreesOfFreedom: number } {
  const covariance = neweyWestCovariance(fit, options);
  const raw = weights.reduce((s, wj, j) => s + wj * dot(covariance[j]!, weights), 0);
  const { traceG, plain, degreesOfFreedom } = whiteNoiseBenchmark(fit, weights, options);
  const variance = traceG > 0 ? (Math.max(0, raw) * plain) / traceG : 0;
  return { ...tInference(dot(weights, fit.coefficients), Math.sqrt(variance), degreesOfFreedom), degreesOfFreedom };
}

/**
 * What a design promises before any outcome is seen: the variance of cᵀβ per unit of error
 * variance, cᵀ(XᵀX)⁻¹c, and the degrees of freedom `correctedContrast` would give it (they
 * depend only on the design, the kernel and the contrast). Null when the design has no fit
 * (collinear columns, too few rows).
 */
export function designPrecision(
  rows: readonly (readonly number[])[],
  weights: readonly number[],
  options: Omit<NeweyWestOptions, 'adjust'>,
): { variance: number; degreesOfFreedom: number } | null {
  const fit = leastSquares(rows, new Array<number>(rows.length).fill(0));
  if (!fit) return null;
  const { plain, degreesOfFreedom } = whiteNoiseBenchmark(fit, weights, options);
  return { variance: plain, degreesOfFreedom };
}

/** tr(G), tr(G²) and Σa² of `correctedContrast`, for fit's design, contrast `weights` and the kernel of `options`. */
function whiteNoiseBenchmark(fit: LeastSquaresFit, weights: readonly number[], options: Omit<NeweyWestOptions, 'adjust'>) {
  const { lag, times } = options;
  const { n, rows } = fit;
  const time = (i: number) => (times ? times[i]! : i);
  const breadC = fit.bread.map((row) => dot(row, weights));
  const a = rows.map((row) => dot(row, breadC));
  // The (s, t) pairs Newey–West weighs: same period (weight 1) or up to `lag` periods apart.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => time(i) - time(j));
  const kernel: { s: number; t: number; k: number }[] = [];
  order.forEach((s, from) => {
    for (let to = from; to < n; to++) {
      const t = order[to]!;
      const distance = time(t) - time(s);
      if (distance > lag) break;
      const k = 1 - distance / (lag + 1);
      kernel.push({ s, t, k });
      if (t !== s) kernel.push({ s: t, t: s, k });
    }
  });
  // AM = A − AH with H = X(XᵀX)⁻¹Xᵀ; tr(G) = tr(AM) and tr(G²) = tr((AM)²), as M is idempotent.
  const xb = rows.map((row) => fit.bread.map((column) => dot(column, row)));
  const hat = xb.map((xbt) => Float64Array.from(rows, (row) => dot(xbt, row)));
  const am = Array.from({ length: n }, () => new Float64Array(n));
  for (const { s, t, k } of kernel) {
    const ast = k * a[s]! * a[t]!;
    const amRow = am[s]!;
    const hatRow = hat[t]!;
    amRow[t]! += ast;
    for (let j = 0; j < n; j++) amRow[j]! -= ast * hatRow[j]!;
  }
  let traceG = 0;
  let traceG2 = 0;
  for (let i = 0; i < n; i++) {
    traceG += am[i]![i]!;
    for (let j = 0; j < n; j++) traceG2 += am[i]![j]! * am[j]![i]!;
  }
  const plain = a.reduce((sum, v) => sum + v * v, 0);
  const degreesOfFreedom = traceG2 > 0 ? Math.max(1, traceG ** 2 / traceG2) : Math.max(1, n - fit.p);
  return { traceG, plain, degreesOfFreedom };
}
