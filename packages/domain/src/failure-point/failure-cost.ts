import type { FrequencyPeriod } from './failure-point.schema.ts';

export const PERIODS_PER_YEAR: Record<FrequencyPeriod, number> = { week: 52, month: 12, quarter: 4, year: 1 };

/** PRODUCT.md: gap = expectation − capability, each rated 1–5. */
export function failureGap(f: { expectation: number; capability: number }): number {
  return f.expectation - f.capability;
}

/** Annual cost of failure: occurrences a year × what each one costs. */
export function annualCostOfFailure(f: { frequency: number; frequencyPeriod: FrequencyPeriod; unitCost: number }): number {
  return round2(f.frequency * PERIODS_PER_YEAR[f.frequencyPeriod] * f.unitCost);
}

/** Costliest first; equal costs by the wider gap, then by title so the order is stable. */
export function rankFailurePoints<T extends { annualCost: number; gap: number; title: string }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => b.annualCost - a.annualCost || b.gap - a.gap || a.title.localeCompare(b.title));
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
