import { z } from 'zod';
import type { Change } from '../metrics/change.ts';
import { SMALL_SAMPLE } from '../metrics/kpi-value.schema.ts';
import { ZDesign, ZDidEstimate, ZItsEstimate } from './counterfactual/counterfactual.schema.ts';

/** Before vs after an implementation date: how many days each side looks at. */
export const ACID_TEST_WINDOW_DAYS = 90;

export const ZMovement = z.enum(['improved', 'worsened', 'no_measurable_movement', 'insufficient_data', 'not_testable']);
export type Movement = z.infer<typeof ZMovement>;

/**
 * The verdict on one KPI: improved or worsened only when the change is significant (p < 0.05) in
 * that direction; too few responses on either side is said as such, never passed off as a result.
 */
export function classifyMovement(
  change: Change | null,
  nBefore: number,
  nAfter: number,
  direction: 'higher_is_better' | 'lower_is_better',
  minSample = SMALL_SAMPLE,
): Movement {
  if (nBefore === 0 || nAfter === 0 || nBefore < minSample || nAfter < minSample) return 'insufficient_data';
  if (!change || !change.tested) return 'not_testable';
  if (!change.significant) return 'no_measurable_movement';
  const better = direction === 'higher_is_better' ? change.difference > 0 : change.difference < 0;
  return better ? 'improved' : 'worsened';
}

/** The 95% interval of a before/after difference, when the change was tested. */
export function differenceInterval(change: Change): { low: number; high: number } | null {
  return change.ciLow === null || change.ciHigh === null ? null : { low: change.ciLow, high: change.ciHigh };
}

/** The day windows either side of an implementation date (the day itself belongs to neither). */
export function acidTestWindows(implementedOn: string, lastDataDay: string, windowDays = ACID_TEST_WINDOW_DAYS) {
  const day = 86_400_000;
  const at = Date.parse(`${implementedOn}T00:00:00Z`);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const afterEnd = Math.min(at + windowDays * day, Date.parse(`${lastDataDay}T00:00:00Z`));
  return {
    before: { from: iso(at - windowDays * day), to: iso(at - day) },
    after: { from: iso(at + day), to: iso(Math.max(afterEnd, at + day)) },
  };
}

const ZSide = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});

export const ZAcidTestKpi = z.object({
  kpiId: z.string(),
  kpiName: z.string(),
  unit: z.string(),
  scope: z.string(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  before: ZSide,
  after: ZSide,
  difference: z.number().nullable(),
  differenceLow: z.number().nullable(),
  differenceHigh: z.number().nullable(),
  pValue: z.number().nullable(),
  /** The naive before/after in words, kept for reference. */
  sentence: z.string(),
  /** The strongest design the data allowed, why, and its estimate: what the movement is judged on. */
  design: ZDesign,
  designReason: z.string(),
  effect: z.number().nullable(),
  effectLow: z.number().nullable(),
  effectHigh: z.number().nullable(),
  movement: ZMovement,
  differenceInDifferences: ZDidEstimate.nullable(),
  /** Why there is no difference in differences, when there is none. */
  differenceInDifferencesMissing: z.string().nullable(),
  interruptedTimeSeries: ZItsEstimate.nullable(),
  interruptedTimeSeriesMissing: z.string().nullable(),
  beforeAfterExplanation: z.string(),
});
export type AcidTestKpi = z.infer<typeof ZAcidTestKpi>;

export const ZAcidTestEntry = z.object({
  initiativeId: z.string(),
  title: z.string(),
  journeyName: z.string(),
  teamName: z.string(),
  stage: z.string(),
  implementedOn: z.string(),
  /** The chain, from what was learned to what moved. */
  insights: z.array(z.object({ id: z.string(), title: z.string(), source: z.string(), observedOn: z.string() })),
  failurePoints: z.array(z.object({ id: z.string(), title: z.string(), stepName: z.string(), annualCost: z.number() })),
  change: z.object({ summary: z.string(), proposalTitle: z.string().nullable() }),
  kpis: z.array(ZAcidTestKpi),
  /** The initiative's verdict: improved if any targeted KPI improved significantly and none worsened. */
  verdict: ZMovement,
});
export type AcidTestEntry = z.infer<typeof ZAcidTestEntry>;

/** One verdict for an initiative from its KPIs' verdicts: a worsening is never hidden behind an improvement. */
export function initiativeVerdict(movements: readonly Movement[]): Movement {
  if (movements.includes('worsened')) return 'worsened';
  if (movements.includes('improved')) return 'improved';
  if (movements.includes('no_measurable_movement')) return 'no_measurable_movement';
  if (movements.includes('not_testable')) return 'not_testable';
  return 'insufficient_data';
}
