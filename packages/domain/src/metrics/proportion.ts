import { SMALL_SAMPLE, Z95, type KpiValue } from './kpi-value.schema.ts';

/**
 * A share as a percentage with the Agresti–Coull 95% interval: ñ = n + z², p̃ = (x + z²/2)/ñ,
 * CI = p̃ ± z·√(p̃(1 − p̃)/ñ), clamped to [0, 100]. Used for CSAT top-box and for rates.
 */
export function proportion(positives: number, n: number): KpiValue {
  if (n <= 0) return { value: 0, n: 0, ciLow: null, ciHigh: null, method: 'agresti-coull', smallSample: true };
  const z2 = Z95 * Z95;
  const nTilde = n + z2;
  const pTilde = (positives + z2 / 2) / nTilde;
  const half = Z95 * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
  return {
    value: (100 * positives) / n,
    n,
    ciLow: Math.max(0, 100 * (pTilde - half)),
    ciHigh: Math.min(100, 100 * (pTilde + half)),
    method: 'agresti-coull',
    smallSample: n < SMALL_SAMPLE,
  };
}

/** CSAT's positive answers: the top two boxes of a 1–5 scale, or the box stated for 1–7. */
export function csatPositive(score: number, scale: 5 | 7, topBoxes = 2): boolean {
  return score > scale - topBoxes;
}
