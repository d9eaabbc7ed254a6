import { z } from 'zod';
import { ZFigure, ZId, ZIsoDate, ZName, ZVersion } from '../common/common.schema.ts';
import { belowMinimum, type KpiGoal } from '../kpi/kpi-status.ts';

/** PRODUCT.md: 3–5 targeted outcomes per journey. Fewer is flagged; a sixth is refused. */
export const MIN_OUTCOMES_PER_JOURNEY = 3;
export const MAX_OUTCOMES_PER_JOURNEY = 5;

export const ZOutcomeInput = z.object({
  journeyId: ZId,
  kpiId: ZId,
  title: ZName,
  baseline: ZFigure,
  target: ZFigure,
  byDate: ZIsoDate,
});
export type OutcomeInput = z.infer<typeof ZOutcomeInput>;

export const ZOutcomeUpdateInput = ZOutcomeInput.omit({ journeyId: true }).extend({ id: ZId, version: ZVersion });

export const ZOutcomeStatus = z.enum(['achieved', 'on_track', 'behind', 'too_few', 'no_data']);
export type OutcomeStatus = z.infer<typeof ZOutcomeStatus>;

export const ZOutcome = ZOutcomeInput.extend({
  id: ZId,
  kpiName: z.string(),
  kpiUnit: z.string(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  /** The KPI's value in its last complete period at its own scope, when it has one. */
  current: z.number().nullable(),
  /** Answers or events behind `current`, and the KPI's minimum sample for a status. */
  n: z.number().int(),
  minSample: z.number().int(),
  status: ZOutcomeStatus,
  version: ZVersion,
});
export type Outcome = z.infer<typeof ZOutcome>;

/** Why a new outcome is refused, or null when the journey has room for it. */
export function outcomeLimitReason(existing: number): string | null {
  return existing >= MAX_OUTCOMES_PER_JOURNEY
    ? `A journey has at most ${MAX_OUTCOMES_PER_JOURNEY} targeted outcomes, and this one has ${existing}: focus beats a long list. Retire or merge one before adding another.`
    : null;
}

/**
 * Where an outcome stands, judged on the KPI's last complete period: achieved once it reaches the
 * target in the better direction; on track (still short of target) while it has moved from the
 * baseline towards the target at least in proportion to the time elapsed; behind otherwise. Below
 * the KPI's minimum sample no claim is made.
 */
export function outcomeStatus(
  o: { baseline: number; target: number; byDate: string; direction: 'higher_is_better' | 'lower_is_better' },
  current: { value: number; n: number } | null,
  today: string,
  startedOn: string,
  kpi: Pick<KpiGoal, 'kind' | 'minSample'> = { kind: 'nps', minSample: 1 },
): OutcomeStatus {
  if (current === null) return 'no_data';
  if (belowMinimum(kpi, current.n)) return 'too_few';
  const sign = o.direction === 'higher_is_better' ? 1 : -1;
  if (sign * (current.value - o.target) >= 0) return 'achieved';
  const span = Date.parse(o.byDate) - Date.parse(startedOn);
  const elapsed = span > 0 ? Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(startedOn)) / span)) : 1;
  const needed = o.baseline + (o.target - o.baseline) * elapsed;
  return sign * (current.value - needed) >= 0 ? 'on_track' : 'behind';
}

/** An outcome's status in words; "on track" says it is still short of target. */
export const OUTCOME_STATUS_LABEL: Record<OutcomeStatus, string> = {
  achieved: 'Achieved',
  on_track: 'Short of target, on track',
  behind: 'Behind',
  too_few: 'Too few answers to judge',
  no_data: 'No data yet',
};
