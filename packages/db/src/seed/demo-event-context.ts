import type { Channel } from '@throughline/domain';
import type { DemoCalendar } from './demo-calendar.ts';
import { EventLog, type OperationalRow, type SurveyRow } from './demo-event-log.ts';
import type { JourneyKey } from './demo-model.types.ts';
import type { SeededRandom } from './seeded-random.ts';

export const CUSTOMER_COUNT = 15_000;
/** Customers [0, EXISTING_CUSTOMERS) hold a policy all year; the rest buy during the year. */
export const EXISTING_CUSTOMERS = 11_000;

const SEGMENTS = [
  { name: 'Homeowner', weight: 0.6, premium: 340, npsShift: 0 },
  { name: 'Landlord', weight: 0.17, premium: 520, npsShift: -6 },
  { name: 'First-time buyer', weight: 0.14, premium: 260, npsShift: 4 },
  { name: 'Tenant (contents only)', weight: 0.09, premium: 120, npsShift: 0 },
] as const;

export interface DemoCustomer {
  id: string;
  segment: string;
  /** Annual premium in pounds. */
  premium: number;
  /** How this customer's scores sit against the average, in NPS points. */
  npsShift: number;
}

export interface DemoStepRef {
  id: string;
  journey: JourneyKey;
  channel: Channel;
}

/** Everything the event generators share, including the rows they append to. */
export interface EventContext {
  rng: SeededRandom;
  calendar: DemoCalendar;
  customers: DemoCustomer[];
  journeyIds: Record<JourneyKey, string>;
  steps: Map<string, DemoStepRef>;
  surveys: EventLog<SurveyRow>;
  operational: EventLog<OperationalRow>;
  /** Each customer's NPS answers in the order they were generated: [at, score] pairs. */
  npsHistory: Map<number, [number, number][]>;
}

export function createEventContext(
  rng: SeededRandom,
  calendar: DemoCalendar,
  journeyIds: Record<JourneyKey, string>,
  steps: Map<string, DemoStepRef>,
): EventContext {
  const segmentWeights = SEGMENTS.map((s) => s.weight);
  const customers: DemoCustomer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const segment = SEGMENTS[rng.weightedIndex(segmentWeights)]!;
    customers.push({
      id: `C${String(i + 1).padStart(6, '0')}`,
      segment: segment.name,
      premium: Math.round(rng.logNormal(segment.premium, 0.3) * 100) / 100,
      npsShift: segment.npsShift + rng.normal(0, 28),
    });
  }
  return {
    rng,
    calendar,
    customers,
    journeyIds,
    steps,
    surveys: new EventLog<SurveyRow>(),
    operational: new EventLog<OperationalRow>(),
    npsHistory: new Map(),
  };
}

export function stepRef(ctx: EventContext, key: string): DemoStepRef {
  const step = ctx.steps.get(key);
  if (!step) throw new Error(`Demo step ${key} is not seeded`);
  return step;
}

export function recordNps(ctx: EventContext, customerIndex: number, at: number, score: number): void {
  const history = ctx.npsHistory.get(customerIndex);
  if (history) history.push([at, score]);
  else ctx.npsHistory.set(customerIndex, [[at, score]]);
}

/** The customer's most recent NPS answer at or before `at`, or null. */
export function latestNpsBefore(ctx: EventContext, customerIndex: number, at: number): number | null {
  let best: [number, number] | null = null;
  for (const entry of ctx.npsHistory.get(customerIndex) ?? []) {
    if (entry[0] <= at && (best === null || entry[0] > best[0])) best = entry;
  }
  return best === null ? null : best[1];
}

/** Who an event is about, where in which journey, and when. */
export interface EventWhere {
  customer: DemoCustomer;
  journey: JourneyKey;
  stepKey: string;
  at: number;
}

/** What a source system reported. */
export interface EventWhat {
  source: string;
  type: string;
  value: number | null;
  attributes: Record<string, string | number | boolean>;
}

// Two small objects rather than one spread-together object: spreads are the slowest part of
// generating a hundred thousand events.
export function recordEvent(ctx: EventContext, where: EventWhere, what: EventWhat): void {
  ctx.operational.push({
    source: what.source,
    type: what.type,
    value: what.value,
    customerId: where.customer.id,
    journeyId: ctx.journeyIds[where.journey],
    stepId: stepRef(ctx, where.stepKey).id,
    attributes: what.attributes,
    occurredAt: where.at,
  });
}

const CONTACT_COST_MEDIAN: Partial<Record<Channel, number>> = { phone: 6.2, chat: 3.4, email: 4.1 };

/** A contact-centre contact and what it cost, as the telephony and finance feeds report them. */
export function recordContact(ctx: EventContext, where: EventWhere, channel: Channel, resolvedFirstTime: boolean): void {
  recordEvent(ctx, where, {
    source: 'genesys',
    type: 'contact',
    value: null,
    attributes: { channel, resolved_first_time: resolvedFirstTime },
  });
  // Contacts that need a follow-up cost more: the second touch is booked against the first.
  const cost = ctx.rng.logNormal(CONTACT_COST_MEDIAN[channel] ?? 6.2, 0.25) * (resolvedFirstTime ? 1 : 1.35);
  recordEvent(ctx, where, {
    source: 'finance',
    type: 'cost',
    value: Math.round(cost * 100) / 100,
    attributes: { channel, cost_centre: 'contact-centre' },
  });
}

/** Customers leave free text on about one response in ten, unhappy ones more often. */
export function leavesVerbatim(ctx: EventContext, band: 'negative' | 'neutral' | 'positive'): boolean {
  return ctx.rng.chance(band === 'negative' ? 0.16 : band === 'neutral' ? 0.07 : 0.08);
}
