import type { SeededRandom } from './seeded-random.ts';

const DETRACTOR_WEIGHTS = [3, 2, 3, 4, 6, 10, 12];
const LOW_CSAT_WEIGHTS = [2, 3, 5]; // scores 1, 2, 3

/**
 * An NPS answer (0–10) drawn so that, on average, the responses give `targetNps`: promoters
 * minus detractors equals the target, with about 28% passives.
 */
export function sampleNps(rng: SeededRandom, targetNps: number): number {
  const t = Math.max(-0.9, Math.min(0.9, targetNps / 100));
  const passive = Math.min(0.28, (1 - Math.abs(t)) * 0.9);
  const promoter = (1 - passive + t) / 2;
  const u = rng.next();
  if (u < promoter) return rng.chance(0.55) ? 10 : 9;
  if (u < promoter + passive) return rng.chance(0.55) ? 8 : 7;
  return rng.weightedIndex(DETRACTOR_WEIGHTS);
}

/** A CSAT answer (1–5) with `topTwoShare` of answers being 4 or 5. */
export function sampleCsat(rng: SeededRandom, topTwoShare: number): number {
  if (rng.chance(Math.max(0.05, Math.min(0.98, topTwoShare)))) return rng.chance(0.55) ? 5 : 4;
  return 1 + rng.weightedIndex(LOW_CSAT_WEIGHTS);
}

/** A CES 2.0 answer (1–7, 7 = very easy) around `mean`. */
export function sampleCes(rng: SeededRandom, mean: number): number {
  return Math.max(1, Math.min(7, Math.round(rng.normal(mean, 1.2))));
}

export type ScoreBand = 'negative' | 'neutral' | 'positive';

export function npsBand(score: number): ScoreBand {
  return score >= 9 ? 'positive' : score >= 7 ? 'neutral' : 'negative';
}

export function csatBand(score: number): ScoreBand {
  return score >= 4 ? 'positive' : score === 3 ? 'neutral' : 'negative';
}

export function cesBand(score: number): ScoreBand {
  return score >= 6 ? 'positive' : score >= 4 ? 'neutral' : 'negative';
}

/**
 * Chance a customer lapses at renewal given their latest NPS answer (null: never answered).
 * Detractors leave several times as often as promoters, which is what the value model finds.
 */
export function churnProbability(latestNps: number | null): number {
  if (latestNps === null) return 0.1;
  return 0.035 + 0.3 / (1 + Math.exp((latestNps - 4) / 1.2));
}
