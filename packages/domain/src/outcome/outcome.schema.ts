import { z } from 'zod';
import { ZId, ZName } from '../common/common.schema.ts';

/** PRODUCT.md: 3–5 targeted outcomes per journey. Fewer is flagged; a sixth is refused. */
export const MIN_OUTCOMES_PER_JOURNEY = 3;
export const MAX_OUTCOMES_PER_JOURNEY = 5;

export const ZOutcomeInput = z.object({
  journeyId: ZId,
  kpiId: ZId,
  title: ZName,
  baseline: z.number().finite(),
  target: z.number().finite(),
  byDate: z.iso.date(),
});
export type OutcomeInput = z.infer<typeof ZOutcomeInput>;

export const ZOutcomeUpdateInput = ZOutcomeInput.omit({ journeyId: true }).extend({ id: ZId, version: z.number().int().positive() });

export const ZOutcomeStatus = z.enum(['achieved', 'on_track', 'behind', 'no_data']);
export type OutcomeStatus = z.infer<typeof ZOutcomeStatus>;

export const ZOutcome = ZOutcomeInput.extend({
  id: ZId,
  kpiName: z.string(),
  kpiUnit: z.string(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  /** The KPI's latest value at its own scope, when it has one. */
  current: z.number().nullable(),
  status: ZOutcomeStatus,
  version: z.number().int().positive(),
});
export type Outcome = z.infer<typeof ZOutcome>;

/** Why a new outcome is refused, or null when the journey has room for it. */
export function outcomeLimitReason(existing: number): string | null {
  return existing >= MAX_OUTCOMES_PER_JOURNEY
    ? `A journey has at most ${MAX_OUTCOMES_PER_JOURNEY} targeted outcomes, and this one has ${existing}: focus beats a long list. Retire or merge one before adding another.`
    : null;
}

/**
 * Where an outcome stands: achieved once the KPI reaches the target in the better direction;
 * on track while it has moved from the baseline towards the target at least in proportion to
 * the time elapsed; behind otherwise.
 */
export function outcomeStatus(
  o: { baseline: number; target: number; byDate: string; direction: 'higher_is_better' | 'lower_is_better' },
  current: number | null,
  today: string,
  startedOn: string,
): OutcomeStatus {
  if (current === null) return 'no_data';
  const sign = o.direction === 'higher_is_better' ? 1 : -1;
  if (sign * (current - o.target) >= 0) return 'achieved';
  const span = Date.parse(o.byDate) - Date.parse(startedOn);
  const elapsed = span > 0 ? Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(startedOn)) / span)) : 1;
  const needed = o.baseline + (o.target - o.baseline) * elapsed;
  return sign * (current - needed) >= 0 ? 'on_track' : 'behind';
}
