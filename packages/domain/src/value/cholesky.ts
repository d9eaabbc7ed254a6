/**
 * The linear algebra the value model needs: one small symmetric positive-definite system
 * (p × p, p = 2 + number of controls) per Newton step, and its inverse for the covariance.
 * Cholesky is the textbook method for exactly that, and short enough to own and test here
 * rather than bring a general matrix library into the package the web app bundles.
 */
export type Matrix = number[][];

/**
 * A pivot below this share of its diagonal entry means the matrix is singular to working
 * precision: columns that are (nearly) linear combinations of each other.
 */
const PIVOT_TOLERANCE = 1e-10;

/** The lower-triangular L with A = L·Lᵀ, or null when A is not numerically positive definite. */
export function cholesky(a: readonly (readonly number[])[]): Matrix | null {
  const p = a.length;
  const l: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const diagonal = a[j]![j]!;
    let pivot = diagonal;
    for (let k = 0; k < j; k++) pivot -= l[j]![k]! ** 2;
    // `!(x > y)` also rejects NaN, so a poisoned matrix never factors.
    if (!(pivot > PIVOT_TOLERANCE * Math.abs(diagonal))) return null;
    const root = Math.sqrt(pivot);
    l[j]![j] = root;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = sum / root;
    }
  }
  return l;
}

/** Solves A·x = b given A's Cholesky factor L: forward substitution on L, then back on Lᵀ. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = l.length;
  const y = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < p; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** A⁻¹ from A's Cholesky factor, one unit vector at a time, symmetrised against rounding. */
export function choleskyInverse(l: readonly (readonly number[])[]): Matrix {
  const p = l.length;
  const columns = Array.from({ length: p }, (_, j) =>
    choleskySolve(
      l,
      Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (columns[j]![i]! + columns[i]![j]!) / 2));
}
