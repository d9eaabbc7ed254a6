import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskySolve } from './cholesky.ts';

const multiply = (a: number[][], b: number[][]) => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: number[][]) => a[0]!.map((_, j) => a.map((row) => row[j]!));

describe('cholesky', () => {
  // The textbook example: A = L·Lᵀ with L = [[2,0,0],[6,1,0],[−8,5,3]]
  // (check one entry: A₃₃ = 64 + 25 + 9 = 98).
  const a = [
    [4, 12, -16],
    [12, 37, -43],
    [-16, -43, 98],
  ];

  it('factors a positive-definite matrix into its lower-triangular root', () => {
    expect(cholesky(a)).toEqual([
      [2, 0, 0],
      [6, 1, 0],
      [-8, 5, 3],
    ]);
  });

  it('solves A·x = b: x = (1, 2, 3) gives b = (4 + 24 − 48, 12 + 74 − 129, −16 − 86 + 294) = (−20, −43, 192)', () => {
    const x = choleskySolve(cholesky(a)!, [-20, -43, 192]);
    x.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 10));
  });

  it('inverts a 2 × 2 as the adjugate over the determinant: [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8', () => {
    const inv = choleskyInverse(
      cholesky([
        [4, 2],
        [2, 3],
      ])!,
    );
    expect(inv[0]![0]).toBeCloseTo(0.375, 12);
    expect(inv[0]![1]).toBeCloseTo(-0.25, 12);
    expect(inv[1]![0]).toBeCloseTo(-0.25, 12);
    expect(inv[1]![1]).toBeCloseTo(0.5, 12);
  });

  it('refuses singular, indefinite and poisoned matrices', () => {
    expect(
      cholesky([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull(); // rank 1: second column = 2 × first
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull(); // eigenvalues 3 and −1
    expect(
      cholesky([
        [0, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(
      cholesky([
        [Number.NaN, 0],
        [0, 1],
      ]),
    ).toBeNull();
  });

  it('reconstructs and inverts any well-conditioned positive-definite matrix', () => {
    const matrix = fc
      .integer({ min: 1, max: 6 })
      .chain((p) =>
        fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: p, maxLength: p }), { minLength: p, maxLength: p }),
      )
      // BᵀB + I is symmetric with every eigenvalue ≥ 1.
      .map((b) => multiply(transpose(b), b).map((row, i) => row.map((v, j) => v + (i === j ? 1 : 0))));
    fc.assert(
      fc.property(matrix, (m) => {
        const l = cholesky(m)!;
        expect(l).not.toBeNull();
        const back = multiply(l, transpose(l));
        const identity = multiply(m, choleskyInverse(l));
        const scale = Math.max(...m.flat().map(Math.abs));
        m.forEach((row, i) =>
          row.forEach((v, j) => {
            expect(Math.abs(back[i]![j]! - v)).toBeLessThan(1e-9 * scale);
            expect(Math.abs(identity[i]![j]! - (i === j ? 1 : 0))).toBeLessThan(1e-6);
          }),
        );
      }),
    );
  });
});
