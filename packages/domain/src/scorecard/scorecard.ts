import { z } from 'zod';
import { ZKpiStatus } from '../kpi/kpi-results.schema.ts';
import { ZGrain, ZKpiKind } from '../kpi/kpi.schema.ts';
import { ZKpiValue } from '../metrics/kpi-value.schema.ts';
import { ZOutcomeStatus } from '../outcome/outcome.schema.ts';

/**
 * What closing the gap to target is worth a year: the shortfall in the better direction × the
 * value of one point. Nothing is at stake once the target is met, or without a value per point.
 */
export function valueAtStake(
  current: number | null,
  target: number | null,
  direction: 'higher_is_better' | 'lower_is_better',
  valuePerPoint: number | null,
): number | null {
  if (current === null || target === null || valuePerPoint === null) return null;
  const shortfall = direction === 'higher_is_better' ? target - current : current - target;
  return Math.round(Math.max(0, shortfall) * valuePerPoint * 100) / 100;
}

export const ZScorecardKpi = z.object({
  kpiId: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: ZKpiKind,
  /** The KPI's period length, which decides how its periods are named. */
  grain: ZGrain,
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  target: z.number().nullable(),
  minSample: z.number().int(),
  /** The window the row leads with: the KPI's last complete period unless another was chosen. */
  period: z.object({ from: z.string(), to: z.string(), label: z.string(), complete: z.boolean() }),
  latest: ZKpiValue.extend({ periodStart: z.string() }).nullable(),
  /** The period still running, shown beside the headline with its n, never as it. */
  toDate: z.object({ label: z.string(), value: z.number(), n: z.number().int() }).nullable(),
  /** The window against the one before, in plain words, with the test's name; and its direction for the arrow. */
  trend: z
    .object({ difference: z.number(), significant: z.boolean(), tested: z.boolean(), method: z.string().nullable(), sentence: z.string() })
    .nullable(),
  status: ZKpiStatus,
  statusLabel: z.string(),
  valuePerPoint: z.number().nullable(),
  /** Where the value per point came from: entered on the KPI, or the value model (by which estimator). */
  valuePerPointSource: z.enum(['entered', 'band_ltv', 'churn_regression']).nullable(),
  /** When an entered value lies outside the model's 95% interval: both figures in words. */
  valuePerPointDivergence: z.string().nullable(),
  /** Null unless the window is complete, reaches the minimum sample and has a target and a value per point. */
  valueAtStake: z.number().nullable(),
});
export type ScorecardKpi = z.infer<typeof ZScorecardKpi>;

export const ZScorecardJourney = z.object({
  journeyId: z.string(),
  journeyName: z.string(),
  owner: z.string().nullable(),
  kpis: z.array(ZScorecardKpi),
  valueAtStake: z.number(),
  topFailurePoints: z.array(z.object({ id: z.string(), title: z.string(), stepName: z.string(), annualCost: z.number() })),
  backlog: z.object({ initiatives: z.number().int(), annualValue: z.number() }),
  delivered: z.object({
    implemented: z.number().int(),
    outcomesAchieved: z.number().int(),
    outcomes: z.number().int(),
    /** Measured initiatives' uplift priced at their value per point: realised, not expected, value. */
    measured: z.number().int(),
    realisedAnnualValue: z.number(),
    realisedLow: z.number(),
    realisedHigh: z.number(),
    /** The expected value of delivered initiatives not yet measured: shown apart, never as realised. */
    awaitingMeasurement: z.number(),
  }),
  outcomes: z.array(
    z.object({ title: z.string(), target: z.number(), current: z.number().nullable(), status: ZOutcomeStatus, byDate: z.string() }),
  ),
});
export type ScorecardJourney = z.infer<typeof ZScorecardJourney>;

export const ZScorecard = z.object({
  organisationName: z.string(),
  generatedAt: z.string(),
  /** What the rows lead with, in words ("Last complete period of each KPI", or the chosen range). */
  periodLabel: z.string(),
  /** The organisation's date when generated, and its zone: what "complete" was judged against. */
  today: z.string(),
  timeZone: z.string(),
  journeys: z.array(ZScorecardJourney),
});
export type Scorecard = z.infer<typeof ZScorecard>;
