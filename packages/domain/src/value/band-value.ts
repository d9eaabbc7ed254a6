import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DomainError } from '../common/domain-error.ts';
import { runAtOnce, type SlicedWork } from '../common/sliced-work.ts';
import { quantile } from '../metrics/quantile.ts';
import type { Band, BandLtvEstimate, BandRow, BandThresholds, CustomerOutcome } from './value.schema.ts';

/** NPS: detractors 0–6, passives 7–8, promoters 9–10 (as `npsBand`). */
export const NPS_BANDS: BandThresholds = {
  scaleMin: 0,
  bottomMax: 6,
  topMin: 9,
  scaleMax: 10,
  labels: { bottom: 'detractor', middle: 'passive', top: 'promoter' },
};
/** CSAT on 1–5 with the usual top-2 box: 1–2 dissatisfied, 3 neutral, 4–5 satisfied. */
export const CSAT_5_BANDS: BandThresholds = {
  scaleMin: 1,
  bottomMax: 2,
  topMin: 4,
  scaleMax: 5,
  labels: { bottom: 'dissatisfied', middle: 'neutral', top: 'satisfied' },
};
/** CES 2.0 on 1–7: 1–3 disagree it was easy, 4 neutral, 5–7 agree (as `cesAgrees`). */
export const CES_BANDS: BandThresholds = {
  scaleMin: 1,
  bottomMax: 3,
  topMin: 5,
  scaleMax: 7,
  labels: { bottom: 'disagree', middle: 'neutral', top: 'agree' },
};

export function bandOf(score: number, t: BandThresholds): Band {
  return score <= t.bottomMax ? 'bottom' : score >= t.topMin ? 'top' : 'middle';
}

/** The bands a scale has, lowest first; an integer scale has no middle when topMin = bottomMax + 1. */
export function bandsOf(t: BandThresholds): Band[] {
  return t.topMin - t.bottomMax > 1 ? ['bottom', 'middle', 'top'] : ['bottom', 'top'];
}

/** Σ over a band's customers, which is all a band's value needs. */
interface BandSums {
  n: number;
  retained: number;
  revenue: number;
  cost: number;
}

/** Annual value per customer = retention × revenue per customer − cost to serve per customer. */
function valuePerCustomer(s: BandSums): number {
  return (s.retained / s.n) * (s.revenue / s.n) - s.cost / s.n;
}

/**
 * The mean gain of one customer moving up one band, movers drawn from the non-top bands in
 * proportion to their size: ū = Σ_{k below top} n_k·(v_{k+1} − v_k) / Σ_{k below top} n_k.
 */
function upliftPerMover(values: readonly number[], counts: readonly number[]): number {
  let gain = 0;
  let movers = 0;
  for (let k = 0; k < values.length - 1; k++) {
    gain += counts[k]! * (values[k + 1]! - values[k]!);
    movers += counts[k]!;
  }
  return gain / movers;
}

export interface BandValueOptions {
  thresholds: BandThresholds;
  periodStart: string;
  periodEnd: string;
  /** Bootstrap seed: the same customers and seed give the same interval, run after run. */
  seed?: number;
  resamples?: number;
}

/**
 * A uniform index in [0, n): the generator's 32 random bits scaled to n. The bias is at most
 * n / 2³² (under 10⁻⁵ for 40,000 customers), far below the bootstrap's own noise.
 */
function drawIndex(rng: RandomGenerator, n: number): number {
  return Math.floor(((rng.next() >>> 0) / 4_294_967_296) * n);
}

/**
 * About how many bootstrap draws `bandLtvSteps` makes between pauses: a few milliseconds. The
 * whole bootstrap is resamples × N draws, 40 M (half a second and more) for 20,000 customers.
 */
export const BOOTSTRAP_DRAWS_PER_SLICE = 1 << 18;

/**
 * Band lifetime value (the loyalty-economics estimator of PRODUCT.md).
 *
 * Per band b (bottom / middle / top of the KPI's scale): retention_b = share of its customers
 * who did not churn, revenue_b and cost_b = mean annual revenue and cost to serve (missing
 * cost = 0), and annual value per customer v_b = retention_b × revenue_b − cost_b.
 *
 * One point of the KPI is 1% of the N customers moving up one band (for NPS, exactly: a
 * detractor becoming a passive, or a passive a promoter, each adds 100/N to NPS, so 0.01·N
 * movers add one point). Movers come from the bands below the top in proportion to their size,
 * so with uplift per mover ū (see `upliftPerMover`; for NPS
 * ū = (D·(v_passive − v_detractor) + Pa·(v_promoter − v_passive)) / (D + Pa)):
 *   value per point = 0.01 × N × ū.
 *
 * Intervals: a stratified bootstrap — each resample redraws every band's customers with
 * replacement, keeping band sizes (the customer base as it is) — and 95% percentile
 * intervals for every band's value and for the value per point. Deterministic given `seed`.
 */
export function bandLtvValue(customers: readonly CustomerOutcome[], options: BandValueOptions): BandLtvEstimate {
  return runAtOnce(bandLtvSteps(customers, options));
}

/** `bandLtvValue` in slices: a pause after the set-up, then after each whole resample that ends a slice's worth of draws. */
export function* bandLtvSteps(customers: readonly CustomerOutcome[], options: BandValueOptions): SlicedWork<BandLtvEstimate> {
  const { thresholds: t, periodStart, periodEnd, seed = 1, resamples = 2_000 } = options;
  if (!(t.scaleMin <= t.bottomMax && t.bottomMax < t.topMin && t.topMin <= t.scaleMax)) {
    throw new DomainError('BAD_REQUEST', 'band thresholds need scaleMin ≤ bottomMax < topMin ≤ scaleMax');
  }
  if (!Number.isInteger(resamples) || resamples < 1) throw new DomainError('BAD_REQUEST', 'resamples must be a positive whole number');
  if (!Number.isInteger(seed)) throw new DomainError('BAD_REQUEST', 'seed must be a whole number');
  const bands = bandsOf(t);
  const members = new Map<Band, CustomerOutcome[]>(bands.map((b) => [b, []]));
  for (const c of customers) {
    if (!(c.score >= t.scaleMin && c.score <= t.scaleMax))
      throw new DomainError('BAD_REQUEST', `score ${c.score} of customer ${c.customerId} is off the ${t.scaleMin}–${t.scaleMax} scale`);
    if (!(
      Number.isFinite(c.revenue) &&
      c.revenue >= 0 &&
      (c.costToServe === undefined || (Number.isFinite(c.costToServe) && c.costToServe >= 0))
    )) {
      throw new DomainError('BAD_REQUEST', `customer ${c.customerId} needs a finite, non-negative revenue and cost to serve`);
    }
    const band = members.get(bandOf(c.score, t));
    if (!band) throw new DomainError('BAD_REQUEST', `score ${c.score} of customer ${c.customerId} falls between the bands`);
    band.push(c);
  }
  const ranges: Record<Band, [number, number]> = {
    bottom: [t.scaleMin, t.bottomMax],
    middle: [t.bottomMax + 1, t.topMin - 1],
    top: [t.topMin, t.scaleMax],
  };
  for (const b of bands) {
    if (members.get(b)!.length === 0) {
      const [lo, hi] = ranges[b];
      throw new DomainError(
        'PRECONDITION_FAILED',
        `no customer scored in the ${t.labels[b]} band (${lo}–${hi}), so its value cannot be estimated`,
      );
    }
  }

  const groups = bands.map((b) => members.get(b)!);
  const sumsOf = (group: readonly CustomerOutcome[], pick: (i: number) => CustomerOutcome): BandSums => {
    const s: BandSums = { n: group.length, retained: 0, revenue: 0, cost: 0 };
    for (let i = 0; i < group.length; i++) {
      const c = pick(i);
      s.retained += c.churned ? 0 : 1;
      s.revenue += c.revenue;
      s.cost += c.costToServe ?? 0;
    }
    return s;
  };
  const observed = groups.map((g) => sumsOf(g, (i) => g[i]!));
  const values = observed.map(valuePerCustomer);
  const counts = observed.map((s) => s.n);
  const uplift = upliftPerMover(values, counts);
  const perPoint = (u: number) => 0.01 * customers.length * u;

  // The resampling loop runs resamples × N draws (10 M for 5,000 customers): columns in typed
  // arrays and one generator step per draw keep it well under a second.
  const columns = groups.map((g) => ({
    retained: Uint8Array.from(g, (c) => (c.churned ? 0 : 1)),
    revenue: Float64Array.from(g, (c) => c.revenue),
    cost: Float64Array.from(g, (c) => c.costToServe ?? 0),
  }));
  const rng = xoroshiro128plus(seed);
  const bandDraws = bands.map(() => new Array<number>(resamples));
  const pointDraws = new Array<number>(resamples);
  const drawn = new Array<number>(bands.length);
  // The set-up above was a pass over every customer: a slice of its own.
  yield;
  let sliceDraws = 0;
  for (let r = 0; r < resamples; r++) {
    if (sliceDraws >= BOOTSTRAP_DRAWS_PER_SLICE) {
      sliceDraws = 0;
      yield;
    }
    sliceDraws += customers.length;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k]!;
      const n = col.revenue.length;
      const sums: BandSums = { n, retained: 0, revenue: 0, cost: 0 };
      for (let i = 0; i < n; i++) {
        const j = drawIndex(rng, n);
        sums.retained += col.retained[j]!;
        sums.revenue += col.revenue[j]!;
        sums.cost += col.cost[j]!;
      }
      drawn[k] = valuePerCustomer(sums);
      bandDraws[k]![r] = drawn[k]!;
    }
    pointDraws[r] = perPoint(upliftPerMover(drawn, counts));
  }

  const rows = bands.map((band, k): BandRow => {
    const s = observed[k]!;
    return {
      band,
      label: t.labels[band],
      scoreMin: ranges[band][0],
      scoreMax: ranges[band][1],
      n: s.n,
      churned: s.n - s.retained,
      retention: s.retained / s.n,
      revenuePerCustomer: s.revenue / s.n,
      costPerCustomer: s.cost / s.n,
      valuePerCustomer: values[k]!,
      ciLow: quantile(bandDraws[k]!, 0.025),
      ciHigh: quantile(bandDraws[k]!, 0.975),
    };
  });
  return {
    method: 'band_ltv',
    valuePerPoint: perPoint(uplift),
    ciLow: quantile(pointDraws, 0.025),
    ciHigh: quantile(pointDraws, 0.975),
    nCustomers: customers.length,
    periodStart,
    periodEnd,
    detail: { bands: rows, thresholds: t, upliftPerMover: uplift, resamples, seed },
  };
}
