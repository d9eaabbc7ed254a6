import { DemoCalendar } from './demo-calendar.ts';
import type { OperationalRow, OrderedEvents, SurveyRow } from './demo-event-log.ts';
import { createEventContext, type DemoStepRef } from './demo-event-context.ts';
import { generateClaimNps, generateRelationshipNps, generateRenewals, generateSales } from './demo-lifecycle-events.ts';
import type { JourneyKey } from './demo-model.types.ts';
import { STEP_ACTIVITY_PROFILES, generateStepActivity } from './demo-step-events.ts';
import { SeededRandom } from './seeded-random.ts';

const EVENT_SEED = 0x4a7b0f12;

export interface DemoEvents {
  surveys: OrderedEvents<SurveyRow>;
  operational: OrderedEvents<OperationalRow>;
}

/**
 * A year of survey responses and operational events ending at `now`, in time order, identical
 * for the same `now` and ids. Three patterns are planted for the analytics to find: a winter dip
 * in claims NPS and CSAT, a failing assessor-visit step, and renewal NPS climbing all year.
 */
export function generateDemoEvents(
  now: Date,
  journeyIds: Record<JourneyKey, string>,
  steps: Map<string, DemoStepRef>,
): DemoEvents {
  const ctx = createEventContext(new SeededRandom(EVENT_SEED), new DemoCalendar(now), journeyIds, steps);
  for (const profile of STEP_ACTIVITY_PROFILES) generateStepActivity(ctx, profile);
  // NPS first: each renewal outcome depends on the customer's latest NPS answer.
  generateClaimNps(ctx);
  generateRelationshipNps(ctx);
  generateSales(ctx);
  generateRenewals(ctx);
  return { surveys: ctx.surveys.inTimeOrder(), operational: ctx.operational.inTimeOrder() };
}
