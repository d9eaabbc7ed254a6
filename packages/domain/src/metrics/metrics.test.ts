import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { compareMeans, compareNps, compareProportions, newcombeInterval, type Change } from './change.ts';
import { EMPTY_AGGREGATE } from './kpi-aggregate.ts';
import { changeUnit, compareKpi, describeChange } from './kpi-change.ts';
import { cesAgrees, meanWithInterval, momentsOf } from './mean.ts';
import { nps, npsBand } from './nps.ts';
import { csatPositive, proportion } from './proportion.ts';
import { quantile } from './quantile.ts';

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe('the worked examples of PRODUCT.md', () => {
  it('NPS: n = 200, P = 110, D = 40 → +35, CI ≈ [+23.6, +45.4]', () => {
    const v = nps({ n: 200, promoters: 110, detractors: 40 });
    expect(v.value).toBe(35);
    expect([round1(v.ciLow), round1(v.ciHigh)]).toEqual([23.6, 45.4]);
    expect(v.method).toBe('nps-adjusted-wald');
  });

  it('CSAT: 150 of 200 answer 4–5 → 75.0, CI ≈ [68.5, 80.5]', () => {
    const v = proportion(150, 200);
    expect(v.value).toBe(75);
    expect([round1(v.ciLow), round1(v.ciHigh)]).toEqual([68.5, 80.5]);
  });

  it('CES: counts 6, 8, 14, 22, 40, 60, 50 for 1..7 → mean 5.31, CI ≈ [5.09, 5.53]', () => {
    const scores = [6, 8, 14, 22, 40, 60, 50].flatMap((count, i) => Array<number>(count).fill(i + 1));
    const v = meanWithInterval(momentsOf(scores));
    expect(round2(v.value)).toBe(5.31);
    expect([round2(v.ciLow), round2(v.ciHigh)]).toEqual([5.09, 5.53]);
    expect(scores.filter(cesAgrees).length).toBe(150);
  });
});

describe('bands and boxes', () => {
  it('bands 0–10 scores into detractors, passives and promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('counts the top two boxes of a 1–5 scale, and the stated box of a 1–7 scale', () => {
    expect([1, 2, 3, 4, 5].map((s) => csatPositive(s, 5))).toEqual([false, false, false, true, true]);
    expect([5, 6, 7].map((s) => csatPositive(s, 7, 3))).toEqual([true, true, true]);
    expect(csatPositive(4, 7, 3)).toBe(false);
  });
});

describe('flags and edges', () => {
  it('flags small samples and gives no interval without data', () => {
    expect(nps({ n: 12, promoters: 6, detractors: 2 }).smallSample).toBe(true);
    expect(nps({ n: 0, promoters: 0, detractors: 0 })).toMatchObject({ n: 0, ciLow: null, ciHigh: null, smallSample: true });
    expect(meanWithInterval(momentsOf([4]))).toMatchObject({ value: 4, ciLow: null });
  });
  it('takes quantiles as percentile_cont does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91, 10);
  });
});

const npsCounts = fc
  .tuple(fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, a, b]) => {
    const promoters = Math.floor(n * a);
    return { n, promoters, detractors: Math.floor((n - promoters) * b) };
  });

describe('invariants', () => {
  it('an NPS interval holds the NPS even for a single promoter or detractor', () => {
    // Adjusted Wald alone gives [−98.5, +48.5] for one detractor: it would leave out the −100 measured.
    expect(nps({ n: 1, promoters: 0, detractors: 1 })).toMatchObject({ value: -100, ciLow: -100 });
    expect(nps({ n: 1, promoters: 0, detractors: 1 }).ciHigh).toBeCloseTo(48.5, 1);
    expect(nps({ n: 1, promoters: 1, detractors: 0 })).toMatchObject({ value: 100, ciHigh: 100 });
  });

  it('NPS lies in [−100, 100] and its interval holds it', () => {
    fc.assert(
      fc.property(npsCounts, (c) => {
        const v = nps(c);
        expect(v.value).toBeGreaterThanOrEqual(-100);
        expect(v.value).toBeLessThanOrEqual(100);
        expect(v.ciLow!).toBeLessThanOrEqual(v.value + 1e-9);
        expect(v.ciHigh!).toBeGreaterThanOrEqual(v.value - 1e-9);
      }),
    );
  });

  it('the NPS interval narrows as the same mix is asked of more people', () => {
    fc.assert(
      fc.property(npsCounts, fc.integer({ min: 2, max: 20 }), (c, k) => {
        const small = nps(c);
        const large = nps({ n: c.n * k, promoters: c.promoters * k, detractors: c.detractors * k });
        expect(large.ciHigh! - large.ciLow!).toBeLessThanOrEqual(small.ciHigh! - small.ciLow! + 1e-9);
      }),
    );
  });

  it('a share lies in [0, 100], its interval holds it and narrows with n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        (n, share, k) => {
          const x = Math.floor(n * share);
          const v = proportion(x, n);
          expect(v.ciLow!).toBeLessThanOrEqual(v.value + 1e-9);
          expect(v.ciHigh!).toBeGreaterThanOrEqual(v.value - 1e-9);
          expect(v.ciLow!).toBeGreaterThanOrEqual(0);
          expect(v.ciHigh!).toBeLessThanOrEqual(100);
          const larger = proportion(x * k, n * k);
          expect(larger.ciHigh! - larger.ciLow!).toBeLessThanOrEqual(v.ciHigh! - v.ciLow! + 1e-9);
        },
      ),
    );
  });

  it('a mean’s interval holds the mean', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 300 }), (scores) => {
        const v = meanWithInterval(momentsOf(scores));
        expect(v.ciLow!).toBeLessThanOrEqual(v.value + 1e-9);
        expect(v.ciHigh!).toBeGreaterThanOrEqual(v.value - 1e-9);
      }),
    );
  });
});

describe('change between periods', () => {
  it('tests an NPS movement on the adjusted-Wald variances', () => {
    const change = compareNps({ n: 200, promoters: 110, detractors: 40 }, { n: 200, promoters: 140, detractors: 25 });
    // By hand: n′ = 203; before p′ = 110.75/203 = 0.545567, d′ = 40.75/203 = 0.200739, NPS′ = 0.344828,
    // Var′ = 0.746305 − 0.118906 = 0.627399; after p′ = 0.693350, d′ = 0.126847, NPS′ = 0.566502,
    // Var′ = 0.820197 − 0.320925 = 0.499272. se = 100·√((0.627399 + 0.499272)/203) = 7.4499,
    // z = 22.1675/7.4499 = 2.9755, p = 0.00292; interval 22.1675 ± 1.96·7.4499 = [7.57, 36.77].
    expect(change.difference).toBeCloseTo(22.5, 10);
    expect(change.pValue).toBeCloseTo(0.00292, 5);
    expect([round2(change.ciLow), round2(change.ciHigh)]).toEqual([7.57, 36.77]);
    expect(change).toMatchObject({ significant: true, tested: true, method: 'nps-adjusted-wald-difference' });
  });

  it('does not call a borderline NPS movement significant', () => {
    // +15 points at n = 200 each: adjusted difference 14.78, se ≈ 7.63, z ≈ 1.94, p ≈ 0.053.
    const change = compareNps({ n: 200, promoters: 110, detractors: 40 }, { n: 200, promoters: 130, detractors: 30 });
    expect(change.pValue).toBeGreaterThan(0.05);
    expect(change.pValue).toBeLessThan(0.06);
    expect(change.significant).toBe(false);
    expect(change.ciLow!).toBeLessThan(0);
  });

  it('calls a small movement at a small sample not significant', () => {
    const change = compareNps({ n: 90, promoters: 40, detractors: 20 }, { n: 90, promoters: 44, detractors: 20 });
    expect(change.difference).toBeCloseTo(4.44, 2);
    expect(change.significant).toBe(false);
  });

  it('keeps the reported NPS difference inside its interval, even for one answer a side', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60), (p1, d1, o1, p2, d2, o2) => {
        fc.pre(p1 + d1 + o1 > 0 && p2 + d2 + o2 > 0);
        const c = compareNps({ n: p1 + d1 + o1, promoters: p1, detractors: d1 }, { n: p2 + d2 + o2, promoters: p2, detractors: d2 });
        expect(c.ciLow!).toBeLessThanOrEqual(c.difference + 1e-9);
        expect(c.ciHigh!).toBeGreaterThanOrEqual(c.difference - 1e-9);
        if (c.significant) expect(c.ciLow! > 0 || c.ciHigh! < 0).toBe(true);
      }),
    );
  });

  it('gives Newcombe’s hybrid score intervals (1998, Table II, method 10)', () => {
    // compareProportions(before, after) is after − before: the paper's p₁ is `after`.
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [x1, n1, x2, n2, low, high] of cases) {
      const i = newcombeInterval({ positives: x2, n: n2 }, { positives: x1, n: n1 });
      expect([Math.round(i.low * 1e4) / 1e4, Math.round(i.high * 1e4) / 1e4]).toEqual([low, high]);
    }
    const a = compareProportions({ positives: 48, n: 80 }, { positives: 56, n: 70 });
    expect(a.difference).toBeCloseTo(20, 10);
    expect([round2(a.ciLow), round2(a.ciHigh)]).toEqual([5.24, 33.39]);
    expect(a).toMatchObject({ significant: true, tested: true, method: 'newcombe-score-difference' });
  });

  it('finds the p-value where the Newcombe interval touches 0', () => {
    const a = compareProportions({ positives: 48, n: 80 }, { positives: 56, n: 70 });
    const z = tQuantile(1 - a.pValue! / 2, 1e12); // the normal quantile, as t with unbounded df
    expect(newcombeInterval({ positives: 48, n: 80 }, { positives: 56, n: 70 }, z).low).toBeCloseTo(0, 6);
    // 5/56 against 0/29 is not significant, and its p-value says so.
    const d = compareProportions({ positives: 0, n: 29 }, { positives: 5, n: 56 });
    expect(d.significant).toBe(false);
    expect(d.pValue!).toBeGreaterThan(0.05);
    expect(compareProportions({ positives: 3, n: 10 }, { positives: 3, n: 10 }).pValue).toBe(1);
  });

  it('agrees with its interval on significance for every share at small n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.nat(60), fc.nat(60), (n1, n2, x1, x2) => {
        const c = compareProportions({ positives: Math.min(x1, n1), n: n1 }, { positives: Math.min(x2, n2), n: n2 });
        expect(c.ciLow!).toBeLessThanOrEqual(c.difference + 1e-9);
        expect(c.ciHigh!).toBeGreaterThanOrEqual(c.difference - 1e-9);
        expect(c.ciLow!).toBeGreaterThanOrEqual(-100 - 1e-9);
        expect(c.ciHigh!).toBeLessThanOrEqual(100 + 1e-9);
        if (Math.abs(c.pValue! - 0.05) > 1e-4) expect(c.significant).toBe(c.pValue! < 0.05);
      }),
    );
  });

  it('tests means with Welch’s t on the Welch–Satterthwaite degrees of freedom', () => {
    // By hand, as R's t.test(y, x, var.equal = FALSE): x̄ = 4, s² = 12/7; ȳ = 5.9, s² = 8.9/9;
    // se² = 0.2142857 + 0.0988889 = 0.3131746, t = 1.9/0.559620 = 3.3952,
    // df = 0.3131746²/(0.2142857²/7 + 0.0988889²/9) = 12.827.
    const x = momentsOf([3, 4, 5, 4, 3, 6, 2, 5]);
    const y = momentsOf([5, 6, 7, 6, 5, 7, 6, 4, 6, 7]);
    const change = compareMeans(x, y);
    const half = tQuantile(0.975, 12.8266) * 0.55962;
    expect(change.difference).toBeCloseTo(1.9, 10);
    expect(change.ciLow!).toBeCloseTo(1.9 - half, 3);
    expect(change.ciHigh!).toBeCloseTo(1.9 + half, 3);
    expect(change.pValue!).toBeCloseTo(2 * tCdf(-3.39516, 12.8266), 5);
    expect(change.pValue!).toBeCloseTo(0.00487, 4);
    expect(change).toMatchObject({ significant: true, tested: true, method: 'welch-t' });
    expect(compareMeans(momentsOf([3, 4, 5, 4, 3]), momentsOf([3, 4, 5, 4, 4])).significant).toBe(false);
  });

  it('makes no claim without data, with one value, or with no spread at all', () => {
    expect(compareNps({ n: 0, promoters: 0, detractors: 0 }, { n: 10, promoters: 5, detractors: 1 })).toMatchObject({
      tested: false,
      significant: false,
      pValue: null,
      ciLow: null,
    });
    expect(compareProportions({ positives: 0, n: 0 }, { positives: 5, n: 10 })).toMatchObject({
      difference: 50,
      tested: false,
      significant: false,
    });
    expect(compareMeans(momentsOf([4]), momentsOf([5, 6, 7]))).toMatchObject({
      difference: 2,
      tested: false,
      significant: false,
      pValue: null,
    });
    expect(compareMeans(momentsOf([4, 4, 4]), momentsOf([6, 6, 6]))).toMatchObject({
      difference: 2,
      tested: false,
      significant: false,
      pValue: null,
    });
    expect(compareMeans(momentsOf([4, 4, 4]), momentsOf([5, 6, 7])).tested).toBe(true);
  });
});

describe('describing a change', () => {
  const change = (c: Partial<Change>): Change => ({
    difference: 0,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    significant: false,
    method: 'nps-adjusted-wald-difference',
    tested: true,
    ...c,
  });

  it('says it in plain words, as PRODUCT.md does', () => {
    expect(describeChange(change({ difference: 4.2, pValue: 0.4012 }), 'points', { before: 180, after: 200 })).toBe(
      'up 4.2 points, not significant (p = 0.401, adjusted-Wald difference), n = 180 → 200',
    );
    expect(
      describeChange(change({ difference: -12.25, pValue: 0.0001, significant: true, method: 'newcombe-score-difference' }), 'points', {
        before: 1200,
        after: 1150,
      }),
    ).toBe('down 12.3 points, significant (p < 0.001, Newcombe score interval), n = 1,200 → 1,150');
    expect(describeChange(change({ difference: 0, pValue: 1, method: 'welch-t' }), 'hours', { before: 40, after: 45 })).toBe(
      "unchanged, not significant (p = 1.000, Welch's t-test), n = 40 → 45",
    );
  });

  it('makes no claim below the minimum sample, naming the smaller side', () => {
    expect(describeChange(change({ difference: 70, tested: false }), 'percentage points', { before: 1, after: 40 }, 30)).toBe(
      'up 70.0 percentage points; too few answers to test (n = 1 of 30)',
    );
    expect(describeChange(change({ difference: -3, tested: false }), 'points', { before: 400, after: 12 }, 50)).toBe(
      'down 3.0 points; too few answers to test (n = 12 of 50)',
    );
    expect(describeChange(change({ difference: 2, tested: false, method: 'welch-t' }), 'hours', { before: 40, after: 40 })).toBe(
      'up 2.0 hours; cannot be tested (no spread in either period), n = 40 → 40',
    );
  });

  it('counts each kind’s movement in its own unit', () => {
    expect([
      changeUnit('nps', 'NPS'),
      changeUnit('csat', '% top-2-box'),
      changeUnit('ces_agree', '% agree'),
      changeUnit('ces', 'mean 1–7'),
      changeUnit('mean', 'hours'),
    ]).toEqual(['points', 'percentage points', 'percentage points', 'on the 1–7 scale', 'hours']);
  });

  it('tests NPS, shares and means, nothing for counts, and nothing below the minimum sample', () => {
    const a = { ...EMPTY_AGGREGATE, n: 200, positives: 110, negatives: 40 };
    const b = { ...EMPTY_AGGREGATE, n: 200, positives: 140, negatives: 25 };
    expect(compareKpi('nps', a, b)).toMatchObject({ difference: 22.5, tested: true, significant: true });
    expect(compareKpi('csat', a, b)?.difference).toBeCloseTo(15, 10);
    expect(compareKpi('ces_agree', a, b)?.method).toBe('newcombe-score-difference');
    expect(compareKpi('count', a, b)).toBeNull();
    expect(compareKpi('nps', a, b, 201)).toMatchObject({ difference: 22.5, tested: false, significant: false, pValue: null });
    // The settlement CSAT report: one answer against forty is a difference, not a finding.
    const one = { ...EMPTY_AGGREGATE, n: 1, positives: 1 };
    const forty = { ...EMPTY_AGGREGATE, n: 40, positives: 30 };
    expect(compareKpi('csat', forty, one)).toMatchObject({ difference: 25, tested: false, significant: false, pValue: null });
  });
});
