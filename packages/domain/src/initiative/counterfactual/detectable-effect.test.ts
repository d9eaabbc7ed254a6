import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { compareNps } from '../../metrics/change.ts';
import { EMPTY_AGGREGATE, type KpiAggregate } from '../../metrics/kpi-aggregate.ts';
import { momentsOf } from '../../metrics/mean.ts';
import type { Design } from './counterfactual.schema.ts';
import { minimumDetectableEffect, normalQuantile, perResponseVariance, varianceUnavailable } from './detectable-effect.ts';
import { differenceInDifferences } from './difference-in-differences.ts';
import { interruptedTimeSeries } from './interrupted-time-series.ts';
import { plantedRollout } from './testing/planted-rollout.ts';

const aggregate = (a: Partial<KpiAggregate>): KpiAggregate => ({ ...EMPTY_AGGREGATE, ...a });

describe('per-response variance', () => {
  it('is 100²·(p₊ + p₋ − (p₊ − p₋)²) for NPS: 110 promoters and 40 detractors of 200 give 6,275', () => {
    // p₊ = 0.55, p₋ = 0.2: 0.75 − 0.35² = 0.6275.
    expect(perResponseVariance('nps', aggregate({ n: 200, positives: 110, negatives: 40 }))).toBeCloseTo(6275, 9);
    // The same as the variance of the answers scored +100, 0 and −100.
    const answers = [...Array<number>(110).fill(100), ...Array<number>(50).fill(0), ...Array<number>(40).fill(-100)];
    const mean = answers.reduce((s, x) => s + x, 0) / 200;
    expect(answers.reduce((s, x) => s + (x - mean) ** 2, 0) / 200).toBeCloseTo(6275, 9);
  });

  it('is 100²·p(1 − p) in percentage points for a share, and the sample variance for a mean', () => {
    expect(perResponseVariance('csat', aggregate({ n: 200, positives: 150 }))).toBeCloseTo(1875, 9);
    expect(perResponseVariance('rate', aggregate({ n: 10, positives: 0 }))).toBe(0);
    const hours = momentsOf([2, 4, 4, 5, 7, 9]);
    expect(perResponseVariance('mean', aggregate({ n: hours.n, sum: hours.sum, sumSquares: hours.sumSquares }))).toBeCloseTo(6.1667, 4);
  });

  it('is null, with a reason, for kinds that are not an average of answers, and with too few answers', () => {
    for (const kind of ['median', 'p90', 'count', 'sum', 'ratio'] as const) {
      expect(perResponseVariance(kind, aggregate({ n: 100, sum: 500, samples: [1, 2, 3] }))).toBeNull();
      expect(varianceUnavailable(kind)).toMatch(/no detectable effect is worked out for it\.$/);
    }
    expect(varianceUnavailable('nps')).toBeNull();
    expect(perResponseVariance('nps', EMPTY_AGGREGATE)).toBeNull();
    expect(perResponseVariance('ces', aggregate({ n: 1, sum: 5, sumSquares: 25 }))).toBeNull();
  });
});

describe('minimum detectable effect', () => {
  it('is (z₀.₉₇₅ + z₀.₈)·√(2σ²/n) for before/after: Claims NPS at 410 answers a month over 90 days', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    // n = 410 × 90 / 30.4375 = 1,212.3 a side; σ² = 5,275 (NPS +35 with 35% passives): 2.8016 × √(2 × 5275 / 1212.3) = 8.26.
    const mde = minimumDetectableEffect({ variance: 5275, perMonth: 410, windowDays: 90, design: 'before_after' })!;
    expect(mde).toBeCloseTo(2.8015852186 * Math.sqrt((2 * 5275) / ((410 * 90) / 30.4375)), 6);
    expect(mde).toBeCloseTo(8.26, 2);
    // Four times the answers halve it; a looser α or lower power shrink it.
    expect(minimumDetectableEffect({ variance: 5275, perMonth: 1640, windowDays: 90, design: 'before_after' })).toBeCloseTo(mde / 2, 9);
    expect(minimumDetectableEffect({ variance: 5275, perMonth: 410, windowDays: 90, design: 'before_after', alpha: 0.1 })!).toBeLessThan(
      mde,
    );
  });

  it('costs more for the designs that guard against the season, least with long history', () => {
    const input = { variance: 5275, perMonth: 410, windowDays: 91 };
    const naive = minimumDetectableEffect({ ...input, design: 'before_after' })!;
    const did = minimumDetectableEffect({ ...input, design: 'difference_in_differences' })!;
    const its = minimumDetectableEffect({ ...input, design: 'interrupted_time_series' })!;
    // Twice the variance, and t on the weeks' degrees of freedom: a little over √2 times.
    expect(did / naive).toBeGreaterThan(Math.SQRT2);
    expect(did / naive).toBeLessThan(1.6);
    // A trend projected from 13 weeks: about √7 times, and more on t.
    expect(its / naive).toBeGreaterThan(Math.sqrt(7));
    const twoYears = minimumDetectableEffect({ ...input, design: 'interrupted_time_series', weeksBefore: 104 })!;
    expect(twoYears).toBeLessThan(its / 2);
    // A larger comparison group helps the difference in differences.
    expect(minimumDetectableEffect({ ...input, design: 'difference_in_differences', comparisonPerMonth: 4100 })!).toBeLessThan(did);
  });

  it('has nothing to say without variance, answers or a window the design can use', () => {
    const input = { variance: 5275, perMonth: 410, windowDays: 90, design: 'before_after' as Design };
    expect(minimumDetectableEffect({ ...input, variance: 0 })).toBeNull();
    expect(minimumDetectableEffect({ ...input, perMonth: 0 })).toBeNull();
    expect(minimumDetectableEffect({ ...input, power: 1 })).toBeNull();
    expect(minimumDetectableEffect({ ...input, windowDays: 14, design: 'difference_in_differences' })).toBeNull();
    expect(minimumDetectableEffect({ ...input, windowDays: 91, design: 'interrupted_time_series', weeksBefore: 5 })).toBeNull();
  });
});

/**
 * The bar: at the computed MDE, the design's own test finds the effect 80% of the time, and the
 * effect it finds 80% of the time (the simulated MDE) is within 10% of the computed one — checked
 * by power below 80% at 0.9 × MDE and above it at 1.1 × MDE.
 */
describe('minimum detectable effect against simulation', () => {
  const perMonth = 410;

  /** Share of `runs` seeded draws in which `detects(effect, seed)` is true. */
  const power = (runs: number, detects: (seed: number) => boolean) => {
    let hits = 0;
    for (let seed = 1; seed <= runs; seed++) if (detects(seed)) hits += 1;
    return hits / runs;
  };

  it('before/after: NPS answers drawn at +35, then at +35 + MDE, tested as the acid test does', () => {
    // 50% promoters, 15% detractors: σ² = 100² × (0.65 − 0.35²) = 5,275.
    const variance = perResponseVariance('nps', aggregate({ n: 100, positives: 50, negatives: 15 }))!;
    const mde = minimumDetectableEffect({ variance, perMonth, windowDays: 90, design: 'before_after' })!;
    const n = Math.round((perMonth * 90) / 30.4375);
    const detects = (effect: number) => (seed: number) => {
      const rng = xoroshiro128plus(seed);
      const draw = (nps: number) => {
        let promoters = 0;
        let detractors = 0;
        for (let i = 0; i < n; i++) {
          const u = uniformFloat64(rng);
          if (u < (0.65 + nps / 100) / 2) promoters += 1;
          else if (u >= 1 - (0.65 - nps / 100) / 2) detractors += 1;
        }
        return { n, promoters, detractors };
      };
      const change = compareNps(draw(35), draw(35 + effect));
      return change.significant && change.difference > 0;
    };
    // With these seeds: 74.7%, 83.6%, 90.4% (the NPS variance falls a little as NPS rises).
    expect(power(2000, detects(0.9 * mde))).toBeLessThan(0.8);
    const atMde = power(2000, detects(mde));
    expect(atMde).toBeGreaterThan(0.77);
    expect(atMde).toBeLessThan(0.86);
    expect(power(2000, detects(1.1 * mde))).toBeGreaterThan(0.8);
  });

  // Weekly NPS around 0 (32.5% promoters and detractors), so that an effect the size of the
  // time series' MDE stays on the scale: σ² = 6,500.
  const variance = 6500;
  const weekly = (perMonth * 7) / 30.4375;
  const plan = (effect: number) => ({
    firstWeek: '2025-01-06',
    weeks: 26,
    groups: [
      { key: 'treated', label: 'Treated', startsOn: '2025-04-07', level: 0, answersPerWeek: weekly, effect },
      { key: 'holdout', label: 'Holdout', startsOn: null, level: 0, answersPerWeek: weekly },
    ],
  });

  it('difference in differences: 13 weeks either side against a holdout of the same size', () => {
    const mde = minimumDetectableEffect({ variance, perMonth, windowDays: 91, design: 'difference_in_differences' })!;
    const detects = (effect: number) => (seed: number) => {
      const did = differenceInDifferences(plantedRollout(plan(effect), seed).groups, { windowWeeksAfter: 13 });
      return 'effect' in did && did.low > 0;
    };
    // With these seeds: 72.8%, 80.0%, 86.0%.
    expect(power(500, detects(0.9 * mde))).toBeLessThan(0.8);
    const atMde = power(500, detects(mde));
    expect(atMde).toBeGreaterThan(0.75);
    expect(atMde).toBeLessThan(0.85);
    expect(power(500, detects(1.1 * mde))).toBeGreaterThan(0.8);
  });

  it('interrupted time series: 13 weeks of history and 13 after', () => {
    const mde = minimumDetectableEffect({ variance, perMonth, windowDays: 91, design: 'interrupted_time_series' })!;
    const detects = (effect: number) => (seed: number) => {
      const its = interruptedTimeSeries(plantedRollout(plan(effect), seed).groups[0]!.weeks, '2025-04-07', { windowWeeksAfter: 13 });
      return 'effect' in its && its.low > 0;
    };
    // With these seeds: 72.8%, 81.4%, 86.2%.
    expect(power(500, detects(0.9 * mde))).toBeLessThan(0.8);
    const atMde = power(500, detects(mde));
    expect(atMde).toBeGreaterThan(0.75);
    expect(atMde).toBeLessThan(0.85);
    expect(power(500, detects(1.1 * mde))).toBeGreaterThan(0.8);
  });
});
