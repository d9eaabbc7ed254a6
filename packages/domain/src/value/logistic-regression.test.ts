import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.ts';
import { logisticRegression, logisticRegressionSteps, type LogisticRegressionFit } from './logistic-regression.ts';

// R's built-in mtcars (Motor Trend, 1974), the 32 cars in R's row order.
const mtcars = {
  mpg: [
    21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2,
    13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4,
  ],
  hp: [
    110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264,
    175, 335, 109,
  ],
  wt: [
    2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465,
    3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78,
  ],
  vs: [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1],
  am: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
};

/** The log-likelihood written out plainly, independently of the fitting code. */
function logLikelihood(y: readonly number[], columns: readonly (readonly number[])[], beta: readonly number[]): number {
  return y.reduce((sum, yi, i) => {
    const p = 1 / (1 + Math.exp(-columns.reduce((eta, col, j) => eta + beta[j]! * col[i]!, 0)));
    return sum + (yi === 1 ? Math.log(p) : Math.log(1 - p));
  }, 0);
}

const allFinite = (fit: LogisticRegressionFit) =>
  [
    fit.logLikelihood,
    ...fit.covariance.flat(),
    ...fit.coefficients.flatMap((c) => [c.estimate, c.standardError, c.ciLow, c.ciHigh, c.z, c.pValue]),
  ].every(Number.isFinite);

function expectDomainError(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    expect((e as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected a DomainError');
}

describe('published reference fits (R glm, family = binomial)', () => {
  it('glm(vs ~ mpg, mtcars): −8.8331 (3.1623), 0.4304 (0.1584); z −2.793, 2.717; p 0.00522, 0.00659; deviance 25.533', () => {
    const fit = logisticRegression({ outcomes: mtcars.vs, score: mtcars.mpg }, { scoreName: 'mpg' });
    const [b0, b1] = fit.coefficients;
    expect(fit.converged).toBe(true);
    expect(fit.problem).toBeNull();
    expect(b0).toMatchObject({ name: '(intercept)' });
    expect(b1).toMatchObject({ name: 'mpg' });
    expect(b0!.estimate).toBeCloseTo(-8.8331, 4);
    expect(b0!.standardError).toBeCloseTo(3.1623, 4);
    expect(b1!.estimate).toBeCloseTo(0.4304, 4);
    expect(b1!.standardError).toBeCloseTo(0.1584, 4);
    expect(b0!.z).toBeCloseTo(-2.793, 3);
    expect(b1!.z).toBeCloseTo(2.717, 3);
    expect(b0!.pValue).toBeCloseTo(0.00522, 5);
    expect(b1!.pValue).toBeCloseTo(0.00659, 5);
    // Residual deviance = −2·logLik.
    expect(-2 * fit.logLikelihood).toBeCloseTo(25.533, 3);
    // Wald interval: 0.4304 ± 1.96 × 0.1584 = [0.1199, 0.7409].
    expect(b1!.ciLow).toBeCloseTo(0.1199, 3);
    expect(b1!.ciHigh).toBeCloseTo(0.7409, 3);
    expect(fit).toMatchObject({ n: 32, events: 14 });
  });

  it('glm(am ~ hp + wt, mtcars), a control column: 18.86630 (7.44356), 0.03626 (0.01773), −8.08348 (3.06868); deviance 10.059', () => {
    const fit = logisticRegression(
      { outcomes: mtcars.am, score: mtcars.hp, controls: [{ name: 'wt', values: mtcars.wt }] },
      { scoreName: 'hp' },
    );
    const [b0, hp, wt] = fit.coefficients;
    expect(fit.converged).toBe(true);
    expect(fit.coefficients.map((c) => c.name)).toEqual(['(intercept)', 'hp', 'wt']);
    expect(b0!.estimate).toBeCloseTo(18.8663, 3);
    expect(b0!.standardError).toBeCloseTo(7.44356, 3);
    expect(hp!.estimate).toBeCloseTo(0.03626, 5);
    expect(hp!.standardError).toBeCloseTo(0.01773, 5);
    expect(wt!.estimate).toBeCloseTo(-8.08348, 4);
    expect(wt!.standardError).toBeCloseTo(3.06868, 4);
    expect([b0!.pValue, hp!.pValue, wt!.pValue].map((p) => Math.round(p * 1e5) / 1e5)).toEqual([0.01126, 0.04091, 0.00843]);
    expect(-2 * fit.logLikelihood).toBeCloseTo(10.059, 3);
  });
});

describe('a closed-form fit: a 0/1 score is a 2 × 2 table', () => {
  // score 0: 20 customers, 5 churned → β₀ = logit(5/20) = ln(5/15) = −ln 3 = −1.098612
  // score 1: 20 customers, 10 churned → β₀ + β₁ = logit(1/2) = 0, so β₁ = ln 3 = 1.098612
  // SE(β₀) = √(1/5 + 1/15) = √0.266667 = 0.516398; SE(β₁) = √(1/5 + 1/15 + 1/10 + 1/10) = √0.466667 = 0.683130
  // logLik = 5·ln 0.25 + 15·ln 0.75 + 20·ln 0.5 = −6.931472 − 4.315231 − 13.862944 = −25.109647
  const score = [...Array<number>(20).fill(0), ...Array<number>(20).fill(1)];
  const outcomes = [...Array<number>(5).fill(1), ...Array<number>(15).fill(0), ...Array<number>(10).fill(1), ...Array<number>(10).fill(0)];

  it('matches the log odds ratio and Woolf’s standard error', () => {
    const fit = logisticRegression({ outcomes, score });
    const [b0, b1] = fit.coefficients;
    expect(b0!.estimate).toBeCloseTo(-Math.log(3), 8);
    expect(b1!.estimate).toBeCloseTo(Math.log(3), 8);
    expect(b0!.standardError).toBeCloseTo(Math.sqrt(1 / 5 + 1 / 15), 8);
    expect(b1!.standardError).toBeCloseTo(Math.sqrt(1 / 5 + 1 / 15 + 1 / 10 + 1 / 10), 8);
    expect(fit.logLikelihood).toBeCloseTo(-25.109647, 5);
  });

  it('pauses once per pass over the rows when run in slices, to the same fit', () => {
    const steps = logisticRegressionSteps({ outcomes, score });
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(step.value).toEqual(logisticRegression({ outcomes, score }));
    // The set-up, then a pass per Newton step (and the last, which finds nothing left to climb).
    expect(pauses).toBeGreaterThanOrEqual(step.value.iterations + 1);
  });
});

describe('the optimum, checked from first principles', () => {
  const fit = logisticRegression({ outcomes: mtcars.am, score: mtcars.hp, controls: [{ name: 'wt', values: mtcars.wt }] });
  const columns = [mtcars.hp.map(() => 1), mtcars.hp, mtcars.wt];
  const beta = fit.coefficients.map((c) => c.estimate);

  it('has a zero gradient: Σ xᵢⱼ(yᵢ − pᵢ) = 0 for every column', () => {
    const p = mtcars.am.map((_, i) => 1 / (1 + Math.exp(-columns.reduce((eta, col, j) => eta + beta[j]! * col[i]!, 0))));
    for (const col of columns) {
      const gradient = mtcars.am.reduce((s, y, i) => s + col[i]! * (y - p[i]!), 0);
      expect(Math.abs(gradient)).toBeLessThan(1e-7 * col.reduce((s, v) => s + Math.abs(v), 0));
    }
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(mtcars.am, columns, beta), 10);
  });

  it('has standard errors equal to √diag(−H⁻¹) with H the numerical second derivative of the log-likelihood', () => {
    const p = beta.length;
    // Central differences, step proportional to each coefficient's own standard error.
    const h = fit.coefficients.map((c) => 1e-4 * c.standardError);
    const shifted = (j: number, sj: number, k: number, sk: number) =>
      logLikelihood(
        mtcars.am,
        columns,
        beta.map((b, i) => b + (i === j ? sj * h[j]! : 0) + (i === k ? sk * h[k]! : 0)),
      );
    const hessian = Array.from({ length: p }, (_, j) =>
      Array.from(
        { length: p },
        (_, k) => (shifted(j, 1, k, 1) - shifted(j, 1, k, -1) - shifted(j, -1, k, 1) + shifted(j, -1, k, -1)) / (4 * h[j]! * h[k]!),
      ),
    );
    // For the logit link the observed information −H is the Fisher information, so the
    // covariance is (−H)⁻¹, here by cofactors (independent of the Cholesky code):
    // inv(A)ⱼₖ = cofactor(A)ₖⱼ / det(A).
    const a = hessian.map((row) => row.map((v) => -v));
    const m = (r: number, c: number) => a[r % 3]![c % 3]!;
    const cofactor = (r: number, c: number) => m(r + 1, c + 1) * m(r + 2, c + 2) - m(r + 1, c + 2) * m(r + 2, c + 1);
    const det = a[0]!.reduce((s, v, c) => s + v * cofactor(0, c), 0);
    const numerical = a.map((_, j) => a.map((__, k) => cofactor(k, j) / det));
    fit.coefficients.forEach((c, j) => expect(Math.sqrt(numerical[j]![j]!) / c.standardError).toBeCloseTo(1, 5));
    // …and the correlations agree too.
    const corr = (cov: number[][], j: number, k: number) => cov[j]![k]! / Math.sqrt(cov[j]![j]! * cov[k]![k]!);
    for (const [j, k] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const)
      expect(corr(numerical, j, k)).toBeCloseTo(corr(fit.covariance, j, k), 5);
  });
});

describe('data that cannot be fitted', () => {
  const score = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const mixed = score.map((s, i) => (s < 5 || i % 3 === 0 ? 1 : 0));

  it('refuses mismatched, missing and non-binary input', () => {
    expectDomainError(() => logisticRegression({ outcomes: mixed, score: score.slice(1) }), 'BAD_REQUEST', /21 values for 22 outcomes/);
    expectDomainError(
      () => logisticRegression({ outcomes: mixed, score: score.map((s, i) => (i === 3 ? Number.NaN : s)) }),
      'BAD_REQUEST',
      /non-finite/,
    );
    expectDomainError(() => logisticRegression({ outcomes: mixed.map((y) => y * 2), score }), 'BAD_REQUEST', /0 or 1/);
    expectDomainError(
      () => logisticRegression({ outcomes: mixed, score, controls: [{ name: 'score', values: score }] }),
      'BAD_REQUEST',
      /distinct/,
    );
  });

  it('needs at least 10 rows, and 2 per coefficient', () => {
    expectDomainError(
      () => logisticRegression({ outcomes: [0, 1, 0, 1, 1, 0, 0, 1, 0], score: [1, 2, 3, 4, 5, 6, 7, 8, 9] }),
      'PRECONDITION_FAILED',
      /at least 10 customers; there are 9/,
    );
    const controls = ['a', 'b', 'c', 'd', 'e'].map((name, j) => ({ name, values: score.map((s, i) => ((i * (j + 3)) % 7) + s * 0) }));
    expectDomainError(
      () =>
        logisticRegression({
          outcomes: mixed.slice(0, 12),
          score: score.slice(0, 12),
          controls: controls.map((c) => ({ ...c, values: c.values.slice(0, 12) })),
        }),
      'PRECONDITION_FAILED',
      /7 coefficients needs at least 14/,
    );
  });

  it('needs both outcomes', () => {
    expectDomainError(() => logisticRegression({ outcomes: score.map(() => 1), score }), 'PRECONDITION_FAILED', /every customer churned/);
    expectDomainError(() => logisticRegression({ outcomes: score.map(() => 0), score }), 'PRECONDITION_FAILED', /no customer churned/);
  });

  it('refuses a constant score or control, and collinear controls', () => {
    expectDomainError(
      () => logisticRegression({ outcomes: mixed, score: score.map(() => 7) }),
      'PRECONDITION_FAILED',
      /score is the same for every customer/,
    );
    expectDomainError(
      () => logisticRegression({ outcomes: mixed, score, controls: [{ name: 'plan', values: score.map(() => 0.1 + 0.2) }] }),
      'PRECONDITION_FAILED',
      /plan is the same/,
    );
    expectDomainError(
      () => logisticRegression({ outcomes: mixed, score, controls: [{ name: 'doubled', values: score.map((s) => 2 * s + 1) }] }),
      'PRECONDITION_FAILED',
      /collinear/,
    );
  });

  it('stops on complete separation with converged = false and every number finite', () => {
    const separated = score.map((s) => (s < 5 ? 1 : 0));
    const fit = logisticRegression({ outcomes: separated, score });
    expect(fit.converged).toBe(false);
    expect(fit.problem).toBe('separation');
    expect(allFinite(fit)).toBe(true);
    expect(fit.coefficients[1]!.estimate).toBeLessThan(-3); // heading for −∞
  });

  it('stops on quasi-complete separation (the classes touch at one score) the same way', () => {
    const quasi = score.map((s, i) => (s < 5 ? 1 : s === 5 ? i % 2 : 0));
    const fit = logisticRegression({ outcomes: quasi, score });
    expect(fit.converged).toBe(false);
    expect(fit.problem).toBe('separation');
    expect(allFinite(fit)).toBe(true);
  });

  it('stays finite on separation however many iterations it is allowed, and refuses silly settings', () => {
    const fit = logisticRegression(
      { outcomes: score.map((s) => (s < 5 ? 1 : 0)), score, controls: [{ name: 'noise', values: score.map((_, i) => (i * 7) % 5) }] },
      { maxIterations: 200 },
    );
    expect(fit).toMatchObject({ converged: false, problem: 'separation' });
    expect(allFinite(fit)).toBe(true);
    expectDomainError(() => logisticRegression({ outcomes: mixed, score }, { maxIterations: 0 }), 'BAD_REQUEST', /maxIterations/);
    expectDomainError(() => logisticRegression({ outcomes: mixed, score }, { maxIterations: 1e6 }), 'BAD_REQUEST', /maxIterations/);
    expectDomainError(() => logisticRegression({ outcomes: mixed, score }, { tolerance: 0 }), 'BAD_REQUEST', /tolerance/);
  });

  it('reports running out of iterations as such', () => {
    const fit = logisticRegression({ outcomes: mtcars.vs, score: mtcars.mpg }, { maxIterations: 2 });
    expect(fit).toMatchObject({ converged: false, problem: 'max_iterations', iterations: 2 });
    expect(allFinite(fit)).toBe(true);
  });
});

const dataset = fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), churned: fc.boolean() }), { minLength: 10, maxLength: 120 });

describe('invariants', () => {
  it('never leaks a NaN: a fit is refused, or every number in it is finite; a converged fit beats the intercept-only model', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        const outcomes = rows.map((r) => (r.churned ? 1 : 0));
        let fit: LogisticRegressionFit;
        try {
          fit = logisticRegression({ outcomes, score: rows.map((r) => r.score) });
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          return;
        }
        expect(allFinite(fit)).toBe(true);
        if (fit.converged) {
          const rate = fit.events / fit.n;
          const nullLogLik = fit.events * Math.log(rate) + (fit.n - fit.events) * Math.log(1 - rate);
          expect(fit.logLikelihood).toBeGreaterThanOrEqual(nullLogLik - 1e-9);
          for (const c of fit.coefficients) {
            expect(c.ciLow).toBeLessThanOrEqual(c.estimate);
            expect(c.ciHigh).toBeGreaterThanOrEqual(c.estimate);
          }
        }
      }),
    );
  });

  it('shifting the score moves only the intercept (by −β₁·shift); flipping the outcome negates every coefficient', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: -50, max: 50 }), (rows, shift) => {
        const outcomes = rows.map((r) => (r.churned ? 1 : 0));
        const score = rows.map((r) => r.score);
        let base: LogisticRegressionFit;
        try {
          base = logisticRegression({ outcomes, score });
        } catch {
          return;
        }
        fc.pre(base.converged);
        const moved = logisticRegression({ outcomes, score: score.map((s) => s + shift) });
        const flipped = logisticRegression({ outcomes: outcomes.map((y) => 1 - y), score });
        const [b0, b1] = base.coefficients;
        expect(moved.coefficients[1]!.estimate).toBeCloseTo(b1!.estimate, 6);
        expect(moved.coefficients[1]!.standardError).toBeCloseTo(b1!.standardError, 6);
        expect(moved.coefficients[0]!.estimate).toBeCloseTo(b0!.estimate - b1!.estimate * shift, 5);
        flipped.coefficients.forEach((c, j) => {
          expect(c.estimate).toBeCloseTo(-base.coefficients[j]!.estimate, 6);
          expect(c.standardError).toBeCloseTo(base.coefficients[j]!.standardError, 6);
        });
      }),
    );
  });
});
