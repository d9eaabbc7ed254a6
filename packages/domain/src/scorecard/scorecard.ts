import { z } from 'zod';
import { ZKpiValue } from '../metrics/kpi-value.schema.ts';
import { ZOutcomeStatus } from '../outcome/outcome.schema.ts';

/**
 * What closing the gap to target is worth a year: the shortfall in the better direction × the
 * value of one point. Nothing is at stake once the target is met, or without a value per point.
 */
export function valueAtStake(current: number | null, target: number | null, direction: 'higher_is_better' | 'lower_is_better', valuePerPoint: number | null): number | null {
  if (current === null || target === null || valuePerPoint === null) return null;
  const shortfall = direction === 'higher_is_better' ? target - current : current - target;
  return Math.round(Math.max(0, shortfall) * valuePerPoint * 100) / 100;
}

export const ZScorecardKpi = z.object({
  kpiId: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  target: z.number().nullable(),
  latest: ZKpiValue.extend({ periodStart: z.string() }).nullable(),
  /** This period against the one before, in plain words, and its direction for the arrow. */
  trend: z.object({ difference: z.number(), significant: z.boolean(), sentence: z.string() }).nullable(),
  standing: z.enum(['on_target', 'below_target', 'no_target', 'no_data']),
  valuePerPoint: z.number().nullable(),
  valueAtStake: z.number().nullable(),
});

export const ZScorecardJourney = z.object({
  journeyId: z.string(),
  journeyName: z.string(),
  owner: z.string().nullable(),
  kpis: z.array(ZScorecardKpi),
  valueAtStake: z.number(),
  topFailurePoints: z.array(z.object({ id: z.string(), title: z.string(), stepName: z.string(), annualCost: z.number() })),
  backlog: z.object({ initiatives: z.number().int(), annualValue: z.number() }),
  delivered: z.object({ implemented: z.number().int(), outcomesAchieved: z.number().int(), outcomes: z.number().int() }),
  outcomes: z.array(z.object({ title: z.string(), target: z.number(), current: z.number().nullable(), status: ZOutcomeStatus, byDate: z.string() })),
});
export type ScorecardJourney = z.infer<typeof ZScorecardJourney>;

export const ZScorecard = z.object({
  organisationName: z.string(),
  generatedAt: z.string(),
  journeys: z.array(ZScorecardJourney),
});
export type Scorecard = z.infer<typeof ZScorecard>;
