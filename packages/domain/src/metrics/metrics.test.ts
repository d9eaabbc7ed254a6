import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMeans, compareNps, compareProportions } from './change.ts';
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
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2, max: 20 }), (n, share, k) => {
        const x = Math.floor(n * share);
        const v = proportion(x, n);
        expect(v.ciLow!).toBeLessThanOrEqual(v.value + 1e-9);
        expect(v.ciHigh!).toBeGreaterThanOrEqual(v.value - 1e-9);
        expect(v.ciLow!).toBeGreaterThanOrEqual(0);
        expect(v.ciHigh!).toBeLessThanOrEqual(100);
        const larger = proportion(x * k, n * k);
        expect(larger.ciHigh! - larger.ciLow!).toBeLessThanOrEqual(v.ciHigh! - v.ciLow! + 1e-9);
      }),
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
  it('tests an NPS movement with z = ΔNPS / √(Var₁/n₁ + Var₂/n₂)', () => {
    const before = { n: 200, promoters: 110, detractors: 40 };
    const after = { n: 200, promoters: 140, detractors: 25 };
    const change = compareNps(before, after);
    // By hand: Var₁ = 0.55 + 0.2 − 0.35² = 0.6275, Var₂ = 0.7 + 0.125 − 0.575² = 0.494375.
    const se = 100 * Math.sqrt(0.6275 / 200 + 0.494375 / 200);
    expect(change.difference).toBeCloseTo(22.5, 10);
    expect(change.z).toBeCloseTo(22.5 / se, 10);
    expect(change.significant).toBe(true);
    expect(change.pValue).toBeLessThan(0.05);
  });

  it('does not call a borderline movement significant (p just above 0.05)', () => {
    // +15 points at n = 200 each: z ≈ 1.955, p ≈ 0.051.
    const change = compareNps({ n: 200, promoters: 110, detractors: 40 }, { n: 200, promoters: 130, detractors: 30 });
    expect(change.pValue).toBeGreaterThan(0.05);
    expect(change.significant).toBe(false);
  });

  it('calls a small movement at a small sample not significant', () => {
    const change = compareNps({ n: 90, promoters: 40, detractors: 20 }, { n: 90, promoters: 44, detractors: 20 });
    expect(change.difference).toBeCloseTo(4.44, 2);
    expect(change.significant).toBe(false);
  });

  it('tests shares and means, and nothing without data', () => {
    const shares = compareProportions({ positives: 150, n: 200 }, { positives: 170, n: 200 });
    expect(shares.difference).toBeCloseTo(10, 10);
    expect(shares.significant).toBe(true);
    expect(compareMeans(momentsOf([3, 4, 5, 4, 3]), momentsOf([3, 4, 5, 4, 4])).significant).toBe(false);
    expect(compareNps({ n: 0, promoters: 0, detractors: 0 }, { n: 10, promoters: 5, detractors: 1 })).toMatchObject({ pValue: 1, significant: false });
  });
});

describe('describing a change', () => {
  it('says it in plain words, as PRODUCT.md does', async () => {
    const { describeChange } = await import('./kpi-change.ts');
    expect(describeChange({ difference: 4.2, standardError: 5, z: 0.84, pValue: 0.4, significant: false }, 'points', 180)).toBe('up 4.2 points, not significant at n = 180');
    expect(describeChange({ difference: -12.25, standardError: 3, z: -4, pValue: 0.0001, significant: true }, 'points', 1200)).toBe('down 12.3 points, significant (p < 0.001) at n = 1,200');
    expect(describeChange({ difference: 0, standardError: 1, z: 0, pValue: 1, significant: false }, 'points', 40)).toBe('unchanged, not significant at n = 40');
  });

  it('counts each kind’s movement in its own unit', async () => {
    const { changeUnit } = await import('./kpi-change.ts');
    expect([changeUnit('nps', 'NPS'), changeUnit('csat', '% top-2-box'), changeUnit('ces', 'mean 1–7'), changeUnit('mean', 'hours')]).toEqual([
      'points',
      'percentage points',
      'on the 1–7 scale',
      'hours',
    ]);
  });

  it('tests NPS, shares and means, and nothing for counts', async () => {
    const { compareKpi } = await import('./kpi-change.ts');
    const { EMPTY_AGGREGATE } = await import('./kpi-aggregate.ts');
    const a = { ...EMPTY_AGGREGATE, n: 200, positives: 110, negatives: 40 };
    const b = { ...EMPTY_AGGREGATE, n: 200, positives: 140, negatives: 25 };
    expect(compareKpi('nps', a, b)?.difference).toBeCloseTo(22.5, 10);
    expect(compareKpi('csat', a, b)?.difference).toBeCloseTo(15, 10);
    expect(compareKpi('count', a, b)).toBeNull();
  });
});
