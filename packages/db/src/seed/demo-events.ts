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

/** Lets the event loop serve requests between pieces of the year, each a tenth of a second or so. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A year of survey responses and operational events ending at `now`, in time order, identical
 * for the same `now` and ids. Three patterns are planted for the analytics to find: a winter dip
 * in claims NPS and CSAT, a failing assessor-visit step, and renewal NPS climbing all year.
 */
export async function generateDemoEvents(
  now: Date,
  journeyIds: Record<JourneyKey, string>,
  steps: Map<string, DemoStepRef>,
): Promise<DemoEvents> {
  const ctx = createEventContext(new SeededRandom(EVENT_SEED), new DemoCalendar(now), journeyIds, steps);
  // A second of work in all: done in pieces, so a server seeding on first start still answers.
  for (const profile of STEP_ACTIVITY_PROFILES) {
    generateStepActivity(ctx, profile);
    await breathe();
  }
  // NPS first: each renewal outcome depends on the customer's latest NPS answer.
  for (const generate of [generateClaimNps, generateRelationshipNps, generateSales, generateRenewals]) {
    generate(ctx);
    await breathe();
  }
  const surveys = ctx.surveys.inTimeOrder();
  await breathe();
  return { surveys, operational: ctx.operational.inTimeOrder() };
}
