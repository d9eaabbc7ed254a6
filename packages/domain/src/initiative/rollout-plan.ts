import { z } from 'zod';
import { ZId, ZIsoDate } from '../common/common.schema.ts';

/**
 * What customers are told apart by when a change reaches them in waves. Survey answers and
 * operational events both carry a segment and a channel (events in their attributes) and the
 * step they happened at; only events carry a region (their `region` attribute).
 */
export const ROLLOUT_DIMENSIONS = ['segment', 'channel', 'region', 'step'] as const;
export const ZRolloutDimension = z.enum(ROLLOUT_DIMENSIONS);
export type RolloutDimension = z.infer<typeof ZRolloutDimension>;

export const ROLLOUT_DIMENSION_LABEL: Record<RolloutDimension, string> = {
  segment: 'segment',
  channel: 'channel',
  region: 'region',
  step: 'step',
};

const ZScope = z.string().trim().min(1, 'is required').max(120);

export const ZRolloutWave = z.object({
  /** Values of the dimension the wave reaches (segment or channel names, regions, step ids). */
  scopes: z.array(ZScope).min(1, 'name at least one group this wave reaches').max(20),
  startsOn: ZIsoDate,
});
export type RolloutWave = z.infer<typeof ZRolloutWave>;

/**
 * How a change reaches customers, which is what lets the acid test compare them with customers it
 * has not reached: all at once, or in waves (each a set of groups and a date), with optionally a
 * holdout the change never reaches, and optionally a comparison journey or step that it does not touch.
 */
export const ZRolloutPlan = z
  .object({
    mode: z.enum(['all_at_once', 'waves']).default('all_at_once'),
    dimension: ZRolloutDimension.nullable().default(null),
    waves: z.array(ZRolloutWave).max(12).default([]),
    /** Groups (values of the dimension) that never get the change. */
    holdout: z.array(ZScope).max(20).default([]),
    /** A journey (or one of its steps) the change does not touch, measured on the same KPI definition. */
    comparison: z
      .object({ journeyId: ZId, stepId: ZId.nullable().default(null) })
      .nullable()
      .default(null),
  })
  .superRefine((plan, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (plan.mode === 'waves' && plan.waves.length === 0) problem(['waves'], 'a rollout in waves needs at least one wave');
    if (plan.mode === 'all_at_once' && plan.waves.length > 0) problem(['waves'], 'a change made all at once has no waves');
    if ((plan.waves.length > 0 || plan.holdout.length > 0) && plan.dimension === null)
      problem(['dimension'], 'is required: say whether waves and holdouts are segments, channels, regions or steps');
    if (plan.dimension === 'step') {
      const notStep = (scope: string) => !z.uuid().safeParse(scope).success;
      plan.waves.forEach((wave, w) =>
        wave.scopes.forEach((scope, s) => notStep(scope) && problem(['waves', w, 'scopes', s], 'is not a step id')),
      );
      plan.holdout.forEach((scope, s) => notStep(scope) && problem(['holdout', s], 'is not a step id'));
    }
    const seen = new Map<string, string>();
    plan.waves.forEach((wave, w) =>
      wave.scopes.forEach((scope, s) => {
        const where = seen.get(scope);
        if (where) problem(['waves', w, 'scopes', s], `${scope} is already in ${where}`);
        seen.set(scope, `wave ${w + 1}`);
      }),
    );
    plan.holdout.forEach((scope, s) => {
      const where = seen.get(scope);
      if (where) problem(['holdout', s], `${scope} is in ${where}: a holdout never gets the change`);
      seen.set(scope, 'the holdout');
    });
    for (let w = 1; w < plan.waves.length; w++) {
      if (plan.waves[w]!.startsOn < plan.waves[w - 1]!.startsOn) problem(['waves', w, 'startsOn'], 'waves go in date order');
    }
  });
export type RolloutPlan = z.infer<typeof ZRolloutPlan>;

export const ALL_AT_ONCE: RolloutPlan = { mode: 'all_at_once', dimension: null, waves: [], holdout: [], comparison: null };

/** Whether the plan leaves anyone to compare with: a later wave, a holdout or a comparison journey. */
export function rolloutHasComparison(plan: RolloutPlan): boolean {
  return plan.waves.length > 1 || plan.holdout.length > 0 || plan.comparison !== null;
}

/** The plan in a sentence, for the investment case and the acid test. */
export function describeRollout(plan: RolloutPlan, scopeName: (scope: string) => string = (s) => s): string {
  const dimension = plan.dimension ? ROLLOUT_DIMENSION_LABEL[plan.dimension] : '';
  const list = (scopes: string[]) => scopes.map(scopeName).join(', ');
  const parts: string[] = [];
  if (plan.mode === 'waves') {
    parts.push(
      `In ${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'} by ${dimension}: ` +
        plan.waves.map((w) => `${list(w.scopes)} from ${w.startsOn}`).join('; '),
    );
  } else parts.push('All at once');
  if (plan.holdout.length > 0) parts.push(`held out: ${list(plan.holdout)} (${dimension})`);
  if (plan.comparison) parts.push('compared with a journey it does not touch');
  return `${parts.join('; ')}.`;
}
