import { SMALL_SAMPLE, Z95, type KpiValue } from './kpi-value.schema.ts';

export interface NpsCounts {
  /** Answers counted (blanks excluded). */
  n: number;
  /** Scores 9–10. */
  promoters: number;
  /** Scores 0–6. */
  detractors: number;
}

/** A 0–10 score's band: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsBand(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS = 100·(P − D)/n with the adjusted-Wald 95% interval of PRODUCT.md:
 * n′ = n + 3, p′ = (P + 0.75)/n′, d′ = (D + 0.75)/n′, Var′ = p′ + d′ − (p′ − d′)²,
 * CI = 100·((p′ − d′) ± 1.96·√(Var′/n′)), clamped to [−100, 100] and never leaving out the
 * NPS itself (which it would only for one answer, a promoter or a detractor).
 */
export function nps({ n, promoters, detractors }: NpsCounts): KpiValue {
  if (n <= 0) return { value: 0, n: 0, ciLow: null, ciHigh: null, method: 'nps-adjusted-wald', smallSample: true };
  const nAdj = n + 3;
  const p = (promoters + 0.75) / nAdj;
  const d = (detractors + 0.75) / nAdj;
  const centre = p - d;
  const half = Z95 * Math.sqrt((p + d - centre * centre) / nAdj);
  const value = (100 * (promoters - detractors)) / n;
  // The adjusted centre is pulled towards 0, so for a single answer that is a promoter (or a
  // detractor) the interval stops short of the ±100 measured; it is widened to hold it.
  return {
    value,
    n,
    ciLow: Math.max(-100, Math.min(value, 100 * (centre - half))),
    ciHigh: Math.min(100, Math.max(value, 100 * (centre + half))),
    method: 'nps-adjusted-wald',
    smallSample: n < SMALL_SAMPLE,
  };
}

/** The variance of one response's NPS contribution (+1, 0, −1), for comparing two NPS. */
export function npsVariance({ n, promoters, detractors }: NpsCounts): number {
  if (n <= 0) return 0;
  const p = promoters / n;
  const d = detractors / n;
  return p + d - (p - d) ** 2;
}
