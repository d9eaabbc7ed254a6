import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error.ts';
import { cesAgrees } from '../metrics/mean.ts';
import { npsBand } from '../metrics/nps.ts';
import { csatPositive } from '../metrics/proportion.ts';
import {
  bandLtvSteps,
  bandLtvValue,
  BOOTSTRAP_DRAWS_PER_SLICE,
  bandOf,
  bandsOf,
  CES_BANDS,
  CSAT_5_BANDS,
  NPS_BANDS,
} from './band-value.ts';
import { ZValueEstimate, type BandThresholds, type CustomerOutcome } from './value.schema.ts';

const PERIOD = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };

let next = 0;
const customer = (score: number, churned: boolean, revenue: number, costToServe?: number): CustomerOutcome => ({
  customerId: `c${next++}`,
  score,
  churned,
  revenue,
  ...(costToServe === undefined ? {} : { costToServe }),
});
const times = (k: number, make: (i: number) => CustomerOutcome) => Array.from({ length: k }, (_, i) => make(i));

describe('band thresholds', () => {
  it('agree with the metric definitions: npsBand, top-2-box CSAT, CES agreement', () => {
    const names = { bottom: 'detractor', middle: 'passive', top: 'promoter' } as const;
    for (let s = 0; s <= 10; s++) expect(names[bandOf(s, NPS_BANDS)]).toBe(npsBand(s));
    for (let s = 1; s <= 5; s++) expect(bandOf(s, CSAT_5_BANDS) === 'top').toBe(csatPositive(s, 5));
    for (let s = 1; s <= 7; s++) expect(bandOf(s, CES_BANDS) === 'top').toBe(cesAgrees(s));
  });
  it('drop the middle band when nothing lies between bottom and top', () => {
    expect(bandsOf(NPS_BANDS)).toEqual(['bottom', 'middle', 'top']);
    expect(bandsOf({ ...CSAT_5_BANDS, bottomMax: 3, topMin: 4 })).toEqual(['bottom', 'top']);
  });
});

describe('band lifetime value, by hand (NPS, 10 customers)', () => {
  // Detractors (score 3): 4 × revenue 100, 2 churned, cost 10 each → retention 0.5, v = 0.5 × 100 − 10 = 40
  // Passives (7, 8): revenue 100 and 200, 1 churned, cost 5 each → retention 0.5, v = 0.5 × 150 − 5 = 70
  // Promoters (9, 10): 4 × revenue 200, 1 churned, no cost → retention 0.75, v = 0.75 × 200 − 0 = 150
  // Uplift per mover ū = (4 × (70 − 40) + 2 × (150 − 70)) / (4 + 2) = (120 + 160) / 6 = 46.667
  // Value per NPS point = 0.01 × 10 × 46.667 = 4.6667
  const customers = [
    ...times(4, (i) => customer(3, i < 2, 100, 10)),
    customer(7, true, 100, 5),
    customer(8, false, 200, 5),
    ...times(4, (i) => customer(i < 2 ? 9 : 10, i === 0, 200)),
  ];
  const estimate = bandLtvValue(customers, { thresholds: NPS_BANDS, ...PERIOD, seed: 7 });

  it('tabulates each band: retention × revenue − cost to serve', () => {
    expect(
      estimate.detail.bands.map(
        ({ band, label, scoreMin, scoreMax, n, churned, retention, revenuePerCustomer, costPerCustomer, valuePerCustomer }) => ({
          band,
          label,
          scoreMin,
          scoreMax,
          n,
          churned,
          retention,
          revenuePerCustomer,
          costPerCustomer,
          valuePerCustomer,
        }),
      ),
    ).toEqual([
      {
        band: 'bottom',
        label: 'detractor',
        scoreMin: 0,
        scoreMax: 6,
        n: 4,
        churned: 2,
        retention: 0.5,
        revenuePerCustomer: 100,
        costPerCustomer: 10,
        valuePerCustomer: 40,
      },
      {
        band: 'middle',
        label: 'passive',
        scoreMin: 7,
        scoreMax: 8,
        n: 2,
        churned: 1,
        retention: 0.5,
        revenuePerCustomer: 150,
        costPerCustomer: 5,
        valuePerCustomer: 70,
      },
      {
        band: 'top',
        label: 'promoter',
        scoreMin: 9,
        scoreMax: 10,
        n: 4,
        churned: 1,
        retention: 0.75,
        revenuePerCustomer: 200,
        costPerCustomer: 0,
        valuePerCustomer: 150,
      },
    ]);
  });

  it('values a point as 1% of customers moving up one band: 0.01 × 10 × 46.667 = 4.6667', () => {
    expect(estimate.detail.upliftPerMover).toBeCloseTo(280 / 6, 10);
    expect(estimate.valuePerPoint).toBeCloseTo(0.1 * (280 / 6), 10);
    expect(estimate).toMatchObject({ method: 'band_ltv', nCustomers: 10, ...PERIOD });
    expect(estimate.detail).toMatchObject({ resamples: 2_000, seed: 7 });
    expect(ZValueEstimate.parse(estimate)).toEqual(estimate);
  });

  it('gives every band and the value per point an interval around its estimate', () => {
    expect(estimate.ciLow).toBeLessThanOrEqual(estimate.valuePerPoint);
    expect(estimate.ciHigh).toBeGreaterThanOrEqual(estimate.valuePerPoint);
    for (const row of estimate.detail.bands) {
      expect(row.ciLow).toBeLessThanOrEqual(row.valuePerCustomer);
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.valuePerCustomer);
    }
    // The detractor band's bootstrap can only see 0, 1, 2, 3 or 4 retained of 4 (value −10 … 90).
    expect(estimate.detail.bands[0]!.ciLow).toBeGreaterThanOrEqual(-10);
    expect(estimate.detail.bands[0]!.ciHigh).toBeLessThanOrEqual(90);
  });

  it('is deterministic given the seed, and the seed matters', () => {
    expect(bandLtvValue(customers, { thresholds: NPS_BANDS, ...PERIOD, seed: 7 })).toEqual(estimate);
    // Ten customers have few distinct resamples; three hundred show the seed's hand.
    const many = plantedBands(300, 1);
    const one = bandLtvValue(many, { thresholds: NPS_BANDS, ...PERIOD, seed: 7 });
    const other = bandLtvValue(many, { thresholds: NPS_BANDS, ...PERIOD, seed: 8 });
    expect(other.valuePerPoint).toBe(one.valuePerPoint);
    expect([other.ciLow, other.ciHigh]).not.toEqual([one.ciLow, one.ciHigh]);
  });
});

describe('other scales', () => {
  it('CSAT 1–5: bottom 1–2, middle 3, top 4–5', () => {
    // bottom: 2 × revenue 100, 1 churned → 50; middle: 2 × 100, none churned → 100; top: 1 × 300 → 300
    // ū = (2 × 50 + 2 × 200) / 4 = 125; value = 0.01 × 5 × 125 = 6.25
    const customers = [
      customer(1, true, 100),
      customer(2, false, 100),
      customer(3, false, 100),
      customer(3, false, 100),
      customer(5, false, 300),
    ];
    const e = bandLtvValue(customers, { thresholds: CSAT_5_BANDS, ...PERIOD });
    expect(e.detail.bands.map((b) => [b.label, b.valuePerCustomer])).toEqual([
      ['dissatisfied', 50],
      ['neutral', 100],
      ['satisfied', 300],
    ]);
    expect(e.valuePerPoint).toBeCloseTo(6.25, 10);
  });

  it('a scale with no middle band moves customers straight from bottom to top', () => {
    // bottom (1–3): 2 × 100, 1 churned → 50; top (4–5): 3 × 300, none churned → 300
    // ū = 300 − 50 = 250; value = 0.01 × 5 × 250 = 12.5
    const thresholds: BandThresholds = { ...CSAT_5_BANDS, bottomMax: 3, topMin: 4 };
    const customers = [customer(1, true, 100), customer(3, false, 100), ...times(3, () => customer(4, false, 300))];
    const e = bandLtvValue(customers, { thresholds, ...PERIOD });
    expect(e.detail.bands.map((b) => b.band)).toEqual(['bottom', 'top']);
    expect(e.valuePerPoint).toBeCloseTo(12.5, 10);
  });
});

describe('refusals', () => {
  const some = [customer(0, true, 100), customer(7, false, 100), customer(10, false, 100)];
  it('needs a customer in every band', () => {
    expect(() => bandLtvValue(some.slice(0, 2), { thresholds: NPS_BANDS, ...PERIOD })).toThrow(
      /no customer scored in the promoter band \(9–10\)/,
    );
  });
  it('refuses scores off the scale, bad thresholds, bad money and bad bootstrap settings', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => bandLtvValue([...some, customer(11, false, 1)], { thresholds: NPS_BANDS, ...PERIOD }))).toBe('BAD_REQUEST');
    expect(code(() => bandLtvValue(some, { thresholds: { ...NPS_BANDS, topMin: 6 }, ...PERIOD }))).toBe('BAD_REQUEST');
    expect(code(() => bandLtvValue([...some, customer(5, false, Number.NaN)], { thresholds: NPS_BANDS, ...PERIOD }))).toBe('BAD_REQUEST');
    expect(code(() => bandLtvValue([...some, customer(5, false, 1, -3)], { thresholds: NPS_BANDS, ...PERIOD }))).toBe('BAD_REQUEST');
    expect(code(() => bandLtvValue(some, { thresholds: NPS_BANDS, ...PERIOD, resamples: 0 }))).toBe('BAD_REQUEST');
    expect(
      code(() =>
        bandLtvValue([...some, customer(3.5, false, 1)], {
          thresholds: { ...CSAT_5_BANDS, scaleMin: 0, scaleMax: 10, bottomMax: 3, topMin: 4 },
          ...PERIOD,
        }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

/** Customers whose band values are known: churn 30% / 20% / 10% by band, revenue uniform 100–1,000 (mean 550). */
function plantedBands(n: number, seed: number): CustomerOutcome[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: n }, (_, i) => {
    const score = uniformInt(rng, 0, 10);
    const churnRate = score <= 6 ? 0.3 : score <= 8 ? 0.2 : 0.1;
    return { customerId: `c${i}`, score, churned: uniformFloat64(rng) < churnRate, revenue: uniformInt(rng, 100, 1_000) };
  });
}

describe('invariants', () => {
  const band = (min: number, max: number) =>
    fc.array(
      fc.record({
        score: fc.integer({ min, max }),
        churned: fc.boolean(),
        revenue: fc.integer({ min: 0, max: 5_000 }),
        cost: fc.integer({ min: 0, max: 500 }),
      }),
      { minLength: 5, maxLength: 40 },
    );
  const bands = fc
    .tuple(band(0, 6), band(7, 8), band(9, 10))
    .map((groups) =>
      groups.flat().map((c, i) => ({ customerId: `c${i}`, score: c.score, churned: c.churned, revenue: c.revenue, costToServe: c.cost })),
    );

  it('intervals hold their estimates, and a point is worth 0.01 × N × ū', () => {
    fc.assert(
      fc.property(bands, fc.integer({ min: 0, max: 1_000 }), (customers, seed) => {
        const e = bandLtvValue(customers, { thresholds: NPS_BANDS, ...PERIOD, seed, resamples: 200 });
        expect(e.valuePerPoint).toBeCloseTo(0.01 * customers.length * e.detail.upliftPerMover, 8);
        expect(e.ciLow).toBeLessThanOrEqual(e.valuePerPoint);
        expect(e.ciHigh).toBeGreaterThanOrEqual(e.valuePerPoint);
        for (const row of e.detail.bands) {
          expect(row.ciLow).toBeLessThanOrEqual(row.valuePerCustomer);
          expect(row.ciHigh).toBeGreaterThanOrEqual(row.valuePerCustomer);
        }
        expect(e.detail.bands.reduce((s, b) => s + b.n, 0)).toBe(customers.length);
      }),
      { numRuns: 100 },
    );
  });

  it('the sign of a point follows the bands: rising values give a positive value per point, falling a negative one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.boolean(),
        (d, p, r, step, rising) => {
          // Every band fully retained, revenue rising (or falling) by `step` per band.
          const revenue = (k: number) => 2_000 + (rising ? k : -k) * step;
          const customers = [
            ...times(d, () => customer(2, false, revenue(0))),
            ...times(p, () => customer(7, false, revenue(1))),
            ...times(r, () => customer(10, false, revenue(2))),
          ];
          const e = bandLtvValue(customers, { thresholds: NPS_BANDS, ...PERIOD, resamples: 20 });
          // Each move gains ±step, so ū = ±step and the value is ±0.01 × N × step.
          expect(e.valuePerPoint).toBeCloseTo((rising ? 1 : -1) * 0.01 * (d + p + r) * step, 8);
        },
      ),
      { numRuns: 50 },
    );
  });

  // Planted band values: v = 0.7 × 550 = 385, 0.8 × 550 = 440, 0.9 × 550 = 495, so each move
  // gains 55 and a point is worth 0.01 × 1,000 × 55 = 550 whatever the band sizes.
  it('has honest bootstrap intervals: over 100 seeds they hold the planted 550 about 95% of the time', () => {
    let held = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const e = bandLtvValue(plantedBands(1_000, seed), { thresholds: NPS_BANDS, ...PERIOD, seed, resamples: 500 });
      if (e.ciLow <= 550 && 550 <= e.ciHigh) held += 1;
    }
    // Binomial(100, 0.95) has SD 2.2; 88–99 allows for that and for the percentile method's slight narrowness.
    expect(held).toBeGreaterThanOrEqual(88);
    expect(held).toBeLessThanOrEqual(99);
  }, 30_000);
});

describe('band lifetime value in slices', () => {
  it('pauses after every slice of draws, more often as customers grow, to the same estimate', () => {
    for (const n of [500, 3_000]) {
      const customers = times(n, (i) => customer(i % 11, i % 5 === 0, 100 + (i % 7) * 50, i % 3));
      const options = { thresholds: NPS_BANDS, ...PERIOD };
      const steps = bandLtvSteps(customers, options);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      expect(step.value).toEqual(bandLtvValue(customers, options));
      // One after the set-up; then each slice draws at least a slice's worth and at most one
      // resample (n draws) more.
      const draws = 2_000 * n;
      expect(pauses - 1).toBeLessThanOrEqual(Math.floor(draws / BOOTSTRAP_DRAWS_PER_SLICE));
      expect(pauses - 1).toBeGreaterThanOrEqual(Math.ceil(draws / (BOOTSTRAP_DRAWS_PER_SLICE + n)) - 1);
    }
  });
});
