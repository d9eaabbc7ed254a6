import { DAY_MS, HOUR_MS, buyVolumeFactor, claimVolumeFactor, isWinter } from './demo-calendar.ts';
import {
  CUSTOMER_COUNT,
  EXISTING_CUSTOMERS,
  latestNpsBefore,
  leavesVerbatim,
  recordContact,
  recordEvent,
  recordNps,
  stepRef,
  type EventContext,
  type EventWhere,
} from './demo-event-context.ts';
import type { JourneyKey } from './demo-model.types.ts';
import { churnProbability, npsBand, sampleNps } from './demo-survey-scores.ts';
import { pickVerbatim } from './demo-verbatims.ts';
import { PRICE_EXPLANATION_LIVE_DAYS_AGO } from './demo-value-delivery.ts';

/** One NPS answer, remembered against the customer so their renewal can depend on it. */
function pushNps(
  ctx: EventContext,
  a: { customerIndex: number; journey: JourneyKey | null; stepKey: string | null; at: number; target: number },
): void {
  const customer = ctx.customers[a.customerIndex]!;
  const score = sampleNps(ctx.rng, a.target + customer.npsShift);
  const band = npsBand(score);
  const step = a.stepKey ? stepRef(ctx, a.stepKey) : null;
  ctx.surveys.push({
    source: 'qualtrics',
    instrument: 'nps',
    score,
    customerId: customer.id,
    journeyId: a.journey ? ctx.journeyIds[a.journey] : null,
    stepId: step?.id ?? null,
    channel: step?.channel ?? 'email',
    segment: customer.segment,
    verbatim: leavesVerbatim(ctx, band) ? pickVerbatim(ctx.rng, a.journey ?? 'relationship', band) : null,
    occurredAt: a.at,
  });
  recordNps(ctx, a.customerIndex, a.at, score);
}

/** Claims NPS on closure: storm season backlogs pull it down hard from December to February. */
export function generateClaimNps(ctx: EventContext, responses = 5_500): void {
  const sampler = ctx.calendar.sampler(claimVolumeFactor);
  for (let i = 0; i < responses; i++) {
    const at = sampler.sample(ctx.rng);
    const month = new Date(at).getUTCMonth();
    const target = 24 - (isWinter(month) ? 28 : month === 10 || month === 2 ? 10 : 0);
    pushNps(ctx, { customerIndex: ctx.rng.int(0, EXISTING_CUSTOMERS - 1), journey: 'claim', stepKey: 'claim.closed-feedback', at, target });
  }
}

/** The relationship tracker: any customer, no journey. */
export function generateRelationshipNps(ctx: EventContext, responses = 8_000): void {
  const sampler = ctx.calendar.sampler(() => 1);
  for (let i = 0; i < responses; i++) {
    const at = sampler.sample(ctx.rng);
    const target = 18 - (isWinter(new Date(at).getUTCMonth()) ? 5 : 0);
    pushNps(ctx, { customerIndex: ctx.rng.int(0, CUSTOMER_COUNT - 1), journey: null, stepKey: null, at, target });
  }
}

/** New customers buy once each: a sale, its premium, a post-purchase NPS and a few cooling-off cancellations. */
export function generateSales(ctx: EventContext): void {
  const { rng, calendar } = ctx;
  const sampler = calendar.sampler(buyVolumeFactor);
  for (let index = EXISTING_CUSTOMERS; index < CUSTOMER_COUNT; index++) {
    const customer = ctx.customers[index]!;
    const at = sampler.sample(rng);
    const route = rng.pick(SALE_ROUTES);
    const payment = rng.chance(0.62) ? 'monthly_dd' : 'annual_card';
    const sale: EventWhere = { customer, journey: 'buy', stepKey: 'buy.pay', at };
    recordEvent(ctx, sale, {
      source: 'guidewire',
      type: 'sale',
      value: customer.premium,
      attributes: { route, segment: customer.segment, payment },
    });
    recordEvent(ctx, sale, { source: 'billing', type: 'revenue', value: customer.premium, attributes: { kind: 'new_business' } });

    const surveyAt = at + rng.int(2, 10) * DAY_MS + rng.int(8, 20) * HOUR_MS;
    if (surveyAt < calendar.end && rng.chance(0.7)) {
      pushNps(ctx, { customerIndex: index, journey: 'buy', stepKey: 'buy.receive-documents', at: surveyAt, target: 38 });
    }

    const cancelAt = at + rng.int(3, 13) * DAY_MS;
    if (cancelAt < calendar.end && rng.chance(0.03)) {
      const cancel: EventWhere = { customer, journey: 'buy', stepKey: 'buy.cooling-off-cancel', at: cancelAt };
      recordContact(ctx, cancel, 'phone', true);
      recordEvent(ctx, cancel, {
        source: 'guidewire',
        type: 'churn',
        value: customer.premium,
        attributes: { reason: rng.pick(COOLING_OFF_REASONS), cooling_off: true },
      });
    }
  }
}

/**
 * Every existing customer's policy falls due once in the year. Renewal NPS drifts up through the
 * year and steps up when the clearer price explanation goes live (the demo initiative the acid
 * test proves); churn follows the customer's latest NPS answer and the size of the price rise,
 * softened by the retention call the policy requires above 10%.
 */
export function generateRenewals(ctx: EventContext): void {
  const { rng, calendar } = ctx;
  const explained = calendar.end - PRICE_EXPLANATION_LIVE_DAYS_AGO * DAY_MS;
  for (let index = 0; index < EXISTING_CUSTOMERS; index++) {
    const customer = ctx.customers[index]!;
    // Policies due in the weeks after the window still had their invitation, survey and call in it.
    const dueAt = calendar.uniform(rng, 5, -24);
    const priceChange = Math.round(Math.max(-15, Math.min(40, rng.normal(6, 7))) * 10) / 10;
    const newPremium = Math.round(customer.premium * (1 + priceChange / 100) * 100) / 100;
    const bigRise = priceChange > 10;

    const surveyAt = dueAt - rng.int(6, 24) * DAY_MS - rng.int(0, 12) * HOUR_MS;
    if (surveyAt >= calendar.start && surveyAt < calendar.end && rng.chance(0.62)) {
      const target = 8 + 8 * calendar.progress(surveyAt) + (surveyAt >= explained ? 14 : 0) - (bigRise ? 12 : 0);
      pushNps(ctx, { customerIndex: index, journey: 'renew', stepKey: 'renew.feedback', at: surveyAt, target });
    }

    let reached = false;
    const callAt = dueAt - rng.int(10, 20) * DAY_MS;
    if (bigRise && callAt >= calendar.start && callAt < calendar.end) {
      reached = rng.chance(0.7);
      if (reached) {
        const call: EventWhere = { customer, journey: 'renew', stepKey: 'renew.retention-call', at: callAt };
        recordContact(ctx, call, 'phone', rng.chance(0.74));
      }
    }

    // The outcome (and its payment, up to three days later) must fall inside the window.
    if (dueAt > calendar.end - 3 * DAY_MS) continue;
    const pChurn = churnProbability(latestNpsBefore(ctx, index, dueAt)) * (bigRise ? (reached ? 1.1 : 1.6) : 1);
    const churned = rng.chance(pChurn);
    recordEvent(
      ctx,
      { customer, journey: 'renew', stepKey: 'renew.invitation', at: dueAt },
      {
        source: 'guidewire',
        type: 'renewal_due',
        value: newPremium,
        attributes: { churned, price_change_pct: priceChange, segment: customer.segment, retention_call: reached },
      },
    );

    if (churned) {
      const leftAt = dueAt - rng.int(0, 4) * DAY_MS - rng.int(1, 8) * HOUR_MS;
      const cancel: EventWhere = { customer, journey: 'renew', stepKey: 'renew.cancel', at: leftAt };
      if (rng.chance(0.6)) recordContact(ctx, cancel, 'phone', true);
      recordEvent(ctx, cancel, {
        source: 'guidewire',
        type: 'churn',
        value: customer.premium,
        attributes: { reason: rng.pick(CHURN_REASONS), price_change_pct: priceChange },
      });
    } else {
      const autoRenewed = rng.chance(0.78);
      recordEvent(
        ctx,
        { customer, journey: 'renew', stepKey: 'renew.auto-renewal', at: dueAt },
        {
          source: 'guidewire',
          type: 'renewal',
          value: newPremium,
          attributes: { auto_renewed: autoRenewed, price_change_pct: priceChange },
        },
      );
      const paidAt = dueAt + rng.int(0, 2) * DAY_MS + rng.int(1, 12) * HOUR_MS;
      recordEvent(
        ctx,
        { customer, journey: 'renew', stepKey: 'renew.payment-collected', at: paidAt },
        { source: 'billing', type: 'revenue', value: newPremium, attributes: { kind: 'renewal' } },
      );
    }
  }
}

const SALE_ROUTES = ['aggregator', 'aggregator', 'aggregator', 'direct_web', 'direct_web', 'phone'];
const COOLING_OFF_REASONS = ['found_cheaper', 'bought_wrong_cover', 'sale_fell_through'];
const CHURN_REASONS = [
  'found_cheaper',
  'found_cheaper',
  'found_cheaper',
  'price_increase',
  'sold_property',
  'unhappy_with_claim',
  'cover_not_needed',
];
