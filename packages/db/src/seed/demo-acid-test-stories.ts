import type { DemoInitiative } from './demo-value-delivery.ts';

/**
 * Three initiatives that show why the acid test asks "compared with what?". Dates are days before
 * the seed's `now`, and the events are planted to match (see quoteEffortShift):
 * - "Plain-English quote page" went live as the buying journey's busy season ended. It changed
 *   nothing, but buying effort recovered with the season: before vs after credits the page, the
 *   Landlord customers it never reached recovered just as much, and the difference in
 *   differences says "no measurable movement".
 * - "Adviser chat on every quote page" reached homeowners first, then first-time buyers and
 *   tenants, and never Landlord quotes. It did make buying easier, for each wave from its date,
 *   and the difference in differences against the customers not yet reached recovers it.
 * - "Settlement letter that shows the sums" promises 3 points on Settlement CSAT, a KPI with a
 *   few dozen answers a month: the investment case warns it could not be seen in 90 days.
 */

/** Landlord policies are quoted on the commercial platform, which neither quote change reached. */
export const QUOTE_HOLDOUT_SEGMENT = 'Landlord';

/**
 * The buying journey's busy season: quote volumes peak, underwriter referrals queue for days and
 * buying feels harder for everyone, Landlord customers included. It is placed in days before `now`
 * rather than in calendar months so that, whatever day the demo is seeded, it ends inside the
 * twelve months with three months of data on either side: a season fixed to the calendar (as the
 * claims storm season is) sits at the window's edge for half of the year.
 */
const BUSY_SEASON = { fromDaysAgo: 336, toDaysAgo: 273, rampDays: 7, effortDip: 0.45 };

/** The plain-English quote page went live just as the busy season ended. */
export const PLAIN_QUOTE_LIVE_DAYS_AGO = BUSY_SEASON.toDaysAgo;

/**
 * The chat's waves. Wave 2 starts 14 weeks after wave 1, so that for its first 13 weeks (the acid
 * test's window) wave 1 is compared with wave 2's customers as well as the holdout; and wave 1
 * starts 14 weeks after the quote page went live, so the page's own window sees no chat at all.
 */
export const ADVISER_CHAT_WAVES = [
  { daysAgo: PLAIN_QUOTE_LIVE_DAYS_AGO - 98, segments: ['Homeowner'] },
  { daysAgo: PLAIN_QUOTE_LIVE_DAYS_AGO - 196, segments: ['First-time buyer', 'Tenant (contents only)'] },
];

/**
 * How much easier the chat made buying, added to the mean of each answer (CES, 1–7). The scale's
 * ends round some of it away: in the KPI it is worth about 0.35.
 */
export const ADVISER_CHAT_UPLIFT = 0.4;

/**
 * What the stories add to the mean of a buying-journey CES answer from a customer in `segment`,
 * `daysAgo` days before the window's end: the busy season's dip (easing in and out over a week)
 * and the chat's uplift once the customer's wave has it. The quote page adds nothing.
 */
export function quoteEffortShift(daysAgo: number, segment: string): number {
  const { fromDaysAgo, toDaysAgo, rampDays, effortDip } = BUSY_SEASON;
  const depth = Math.max(0, Math.min(1, (fromDaysAgo - daysAgo) / rampDays, (daysAgo - toDaysAgo) / rampDays));
  const chat = ADVISER_CHAT_WAVES.some((w) => daysAgo <= w.daysAgo && w.segments.includes(segment)) ? ADVISER_CHAT_UPLIFT : 0;
  return chat - depth * effortDip;
}

export const ACID_TEST_STORY_INITIATIVES: DemoInitiative[] = [
  {
    key: 'plain-quote',
    title: 'Plain-English quote page',
    journey: 'buy',
    team: 'sales',
    stage: 'implemented',
    problem: 'The quote page lists limits and excesses in policy wording; people ring a sales adviser to ask what they would be buying.',
    hypothesis: 'Saying what is and is not covered in plain English, next to the price, makes buying feel easier (CES +0.3).',
    failurePoints: [],
    outcomes: ['buy-ces'],
    kpi: 'buy.ces',
    expectedUplift: 0.3,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 14_000, oneOffTechnology: 26_000, runningBusiness: 0, runningTechnology: 3_000, itEffortDays: 30 },
    systems: ['portal'],
    adoption: { peopleToTrain: 12, peopleTrained: 12, usageMeasure: 'Home quotes shown the new page (%)', usageValue: 100 },
    funding: {
      approver: 'team',
      by: 'Hannah Clarke',
      daysAgo: 350,
      reason: 'Within Digital Sales’ authority; copy and page work only.',
    },
    deliveryStartDaysAgo: 330,
    implementedDaysAgo: PLAIN_QUOTE_LIVE_DAYS_AGO,
    changeSummary:
      'Home quotes show cover, limits and excesses in plain English beside the price. Landlord quotes, on the commercial platform, kept the old page.',
    rollout: { dimension: 'segment', waves: [], holdout: [QUOTE_HOLDOUT_SEGMENT] },
  },
  {
    key: 'adviser-chat',
    title: 'Adviser chat on every quote page',
    journey: 'buy',
    team: 'sales',
    stage: 'implemented',
    problem: 'Anyone stuck on a quote has to ring; a third of sales calls are a single question asked halfway through a quote.',
    hypothesis:
      'A sales adviser one click away on every quote page answers the question where it arises and makes buying easier (CES +0.3).',
    failurePoints: ['underwriting-abandon'],
    outcomes: ['buy-ces'],
    kpi: 'buy.ces',
    expectedUplift: 0.3,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 35_000, oneOffTechnology: 60_000, runningBusiness: 90_000, runningTechnology: 10_000, itEffortDays: 70 },
    systems: ['portal', 'crm'],
    adoption: { peopleToTrain: 24, peopleTrained: 24, usageMeasure: 'Quotes with a chat (%)', usageValue: 14 },
    funding: {
      approver: 'team',
      by: 'Hannah Clarke',
      daysAgo: 260,
      reason: 'Within Digital Sales’ authority; advisers move from inbound calls to chat.',
    },
    deliveryStartDaysAgo: 240,
    implementedDaysAgo: ADVISER_CHAT_WAVES[0]!.daysAgo,
    changeSummary:
      'Chat with a sales adviser from any quote page: homeowners first, first-time buyers and tenants fourteen weeks later. Landlord quotes, on the commercial platform, do not have it.',
    rollout: {
      dimension: 'segment',
      waves: ADVISER_CHAT_WAVES.map((w) => ({ daysAgo: w.daysAgo, scopes: w.segments })),
      holdout: [QUOTE_HOLDOUT_SEGMENT],
    },
  },
  {
    key: 'settlement-letter',
    title: 'Settlement letter that shows the sums',
    journey: 'claim',
    team: 'claims',
    stage: 'designed',
    problem: 'The settlement arrives as one figure; customers cannot see how the excess and wear and tear were taken off, and call to ask.',
    hypothesis:
      'A letter that shows each line of the settlement (the loss, the excess, any deduction and why) lifts Settlement CSAT by 3 points.',
    failurePoints: [],
    outcomes: ['claim-csat'],
    kpi: 'claim.settlement.csat',
    expectedUplift: 3,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 6_000, oneOffTechnology: 9_000, runningBusiness: 0, runningTechnology: 1_500, itEffortDays: 12 },
    systems: ['claims-core', 'documents'],
  },
];
