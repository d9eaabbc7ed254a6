import type { FailurePointInput, InitiativeStage, InsightInput, RolloutDimension } from '@throughline/domain';
import { ACID_TEST_STORY_INITIATIVES } from './demo-acid-test-stories.ts';
import type { JourneyKey, SystemKey, TeamKey } from './demo-model.types.ts';

/**
 * The demo's value-and-delivery story. Dates are days relative to the seed's `now`, so the
 * story lines up with the events whatever day the demo is seeded:
 * - the costliest failure point is the wait for an assessor on claims over £5,000;
 * - "Clearer price-change explanation at renewal" went live half a year ago, and renewal NPS
 *   (which climbs through the year in the events) moved significantly across it;
 * - "Online claim tracking page" went live in the summer, and claim CSAT (flat outside winter
 *   in the events) did not move: the acid test lists it as such;
 * - three more, in demo-acid-test-stories.ts, show what a comparison group adds: a change the
 *   season took the credit for, a staged rollout that worked, and an uplift too small to detect.
 */
/** When the clearer price explanation went live; the renewal events step up from that day. */
export const PRICE_EXPLANATION_LIVE_DAYS_AGO = 183;

export interface DemoFailurePoint extends Omit<FailurePointInput, 'journeyId' | 'stepId' | 'kpiIds'> {
  key: string;
  step: string;
  kpis: string[];
}

export const DEMO_FAILURE_POINTS: DemoFailurePoint[] = [
  {
    key: 'assessor-wait',
    step: 'claim.book-assessor',
    title: 'Claims over £5,000 wait nine days for an assessor',
    description:
      'The assessor-visit policy sends every larger claim to a panel whose first free slot is nine working days out; some customers give up on us at renewal.',
    expectation: 5,
    capability: 2,
    frequency: 18,
    frequencyPeriod: 'month',
    costBasis: 'churn',
    unitCost: 640,
    kpis: ['claim.nps', 'claim.resolution-hours'],
  },
  {
    key: 'chase-assessor',
    step: 'claim.assessor-visit',
    title: 'Customers chase the assessor visit date',
    description:
      'With no booked slot, customers ring to ask when the assessor will come; a third call in a fortnight becomes an escalation.',
    expectation: 5,
    capability: 2,
    frequency: 1150,
    frequencyPeriod: 'month',
    costBasis: 'contact',
    unitCost: 6.4,
    kpis: ['claim.nps', 'claim.escalations'],
  },
  {
    key: 'underwriting-abandon',
    step: 'buy.underwriting-questions',
    title: 'Quotes abandoned at the underwriting questions',
    description: 'Twenty-three questions, no way to save and return: people leave to find their rebuild value and never come back.',
    expectation: 4,
    capability: 2,
    frequency: 94,
    frequencyPeriod: 'month',
    costBasis: 'other',
    unitCost: 85,
    kpis: ['buy.ces'],
  },
  {
    key: 'silent-decision',
    step: 'claim.track-progress',
    title: 'No news between the visit and the decision',
    description: 'After the visit the claim goes quiet for up to two weeks; customers call for an update.',
    expectation: 4,
    capability: 2,
    frequency: 900,
    frequencyPeriod: 'month',
    costBasis: 'contact',
    unitCost: 6.4,
    kpis: ['claim.csat'],
  },
  {
    key: 'renewal-price-unexplained',
    step: 'renew.price-call',
    title: 'Renewal price rise not explained in the invitation',
    description:
      'Customers saw a new price without the reason; many called, some left. Since the clearer explanation went live it happens far less.',
    expectation: 5,
    capability: 4,
    frequency: 9,
    frequencyPeriod: 'month',
    costBasis: 'churn',
    unitCost: 520,
    kpis: ['renew.nps', 'renew.churn'],
  },
  {
    key: 'mobile-upload',
    step: 'claim.upload-evidence',
    title: 'Photo upload fails on mobile',
    description: 'Large photos time out on the mobile web form; customers email them instead and a handler re-keys them.',
    expectation: 4,
    capability: 2,
    frequency: 380,
    frequencyPeriod: 'month',
    costBasis: 'rework',
    unitCost: 6.4,
    kpis: ['claim.csat'],
  },
  {
    key: 'cancel-by-phone',
    step: 'renew.cancel',
    title: 'Cancelling needs a phone call',
    description: 'Customers who have decided to leave must call to cancel; the calls are long and end badly.',
    expectation: 4,
    capability: 2,
    frequency: 140,
    frequencyPeriod: 'month',
    costBasis: 'contact',
    unitCost: 7.1,
    kpis: ['contact.cost-to-serve'],
  },
];

export interface DemoInsight extends Omit<InsightInput, 'observedOn' | 'journeyIds' | 'stepIds' | 'failurePointIds' | 'initiativeIds'> {
  daysAgo: number;
  journeys: JourneyKey[];
  steps: string[];
  failurePoints: string[];
  initiatives: string[];
}

export const DEMO_INSIGHTS: DemoInsight[] = [
  {
    kind: 'verbatim',
    title: 'Three calls to find out when the assessor was coming',
    body: 'I was chasing them every other day. Nobody could tell me when the assessor would visit, and the water was still coming through the ceiling.',
    source: 'survey',
    daysAgo: 290,
    confidence: 'high',
    personas: ['First-time claimant'],
    journeys: ['claim'],
    steps: ['claim.assessor-visit'],
    failurePoints: ['chase-assessor', 'assessor-wait'],
    initiatives: ['assessor-48h'],
  },
  {
    kind: 'finding',
    title: 'Assessor wait drives claim detractors',
    body: 'Claimants who waited more than seven days for the assessor score NPS 38 points lower than those seen within two days, and renew 14% less often. Analysis of 6,200 claims.',
    source: 'analytics',
    daysAgo: 240,
    confidence: 'high',
    personas: [],
    journeys: ['claim'],
    steps: ['claim.book-assessor', 'claim.assessor-visit'],
    failurePoints: ['assessor-wait'],
    initiatives: ['assessor-48h'],
  },
  {
    kind: 'finding',
    title: 'Handlers spend a fifth of their calls on visit dates',
    body: 'Frontline sampling over two weeks: 21% of inbound claims calls asked only when the assessor would come. Handlers had no booking view to answer from.',
    source: 'frontline',
    daysAgo: 210,
    confidence: 'medium',
    personas: [],
    journeys: ['claim'],
    steps: ['claim.assessor-visit'],
    failurePoints: ['chase-assessor'],
    initiatives: [],
  },
  {
    kind: 'verbatim',
    title: 'The price went up and nobody said why',
    body: 'My renewal went up by £140 and the letter just said the new price. I only stayed because the man on the phone explained the rebuild cost change.',
    source: 'survey',
    daysAgo: 330,
    confidence: 'high',
    personas: ['Long-standing homeowner'],
    journeys: ['renew'],
    steps: ['renew.invitation', 'renew.price-call'],
    failurePoints: ['renewal-price-unexplained'],
    initiatives: ['price-explanation'],
  },
  {
    kind: 'finding',
    title: 'Unexplained rises are the top reason for leaving',
    body: 'Exit interviews with 40 lapsed customers: 26 left after a price rise they did not understand; only 6 had found a cheaper quote first.',
    source: 'interview',
    daysAgo: 300,
    confidence: 'high',
    personas: ['Price-sensitive switcher'],
    journeys: ['renew'],
    steps: ['renew.price-call', 'renew.cancel'],
    failurePoints: ['renewal-price-unexplained'],
    initiatives: ['price-explanation'],
  },
  {
    kind: 'verbatim',
    title: 'I would rather look it up than ring',
    body: 'Just let me see where my claim is. I do not want to wait on hold to hear that nothing has changed.',
    source: 'survey',
    daysAgo: 260,
    confidence: 'medium',
    personas: ['First-time claimant'],
    journeys: ['claim'],
    steps: ['claim.track-progress'],
    failurePoints: ['silent-decision'],
    initiatives: ['claim-tracking'],
  },
  {
    kind: 'finding',
    title: 'Saved quotes convert twice as often',
    body: 'Quotes saved and resumed convert at 31% against 15% for single-session quotes, but only 8% of people find the save option at the underwriting step.',
    source: 'analytics',
    daysAgo: 120,
    confidence: 'medium',
    personas: [],
    journeys: ['buy'],
    steps: ['buy.underwriting-questions', 'buy.save-quote'],
    failurePoints: ['underwriting-abandon'],
    initiatives: ['save-answers'],
  },
  {
    kind: 'verbatim',
    title: 'Gave up looking for the rebuild value',
    body: 'It asked for the rebuild cost of my house. I had no idea, went to look for the survey and by then the quote had gone.',
    source: 'survey',
    daysAgo: 95,
    confidence: 'low',
    personas: [],
    journeys: ['buy'],
    steps: ['buy.underwriting-questions'],
    failurePoints: ['underwriting-abandon'],
    initiatives: [],
  },
  {
    kind: 'finding',
    title: 'Mobile uploads fail above 8 MB',
    body: 'Portal logs: 11% of evidence uploads from phones time out; nearly all are photos over 8 MB. Customers then email them to the claims inbox.',
    source: 'analytics',
    daysAgo: 60,
    confidence: 'high',
    personas: [],
    journeys: ['claim'],
    steps: ['claim.upload-evidence'],
    failurePoints: ['mobile-upload'],
    initiatives: ['mobile-upload-fix'],
  },
  {
    kind: 'verbatim',
    title: 'Forty minutes to cancel',
    body: 'I had already bought elsewhere. It took forty minutes on the phone to cancel and they still tried to keep me.',
    source: 'frontline',
    daysAgo: 45,
    confidence: 'medium',
    personas: ['Price-sensitive switcher'],
    journeys: ['renew'],
    steps: ['renew.cancel'],
    failurePoints: ['cancel-by-phone'],
    initiatives: [],
  },
];

export interface DemoOutcome {
  key: string;
  journey: JourneyKey;
  kpi: string;
  title: string;
  baseline: number;
  target: number;
  /** Days from now. */
  dueInDays: number;
}

export const DEMO_OUTCOMES: DemoOutcome[] = [
  { key: 'claim-nps', journey: 'claim', kpi: 'claim.nps', title: 'Claim NPS to +20', baseline: 8, target: 20, dueInDays: 215 },
  { key: 'claim-csat', journey: 'claim', kpi: 'claim.csat', title: 'Claim CSAT to 80%', baseline: 72, target: 80, dueInDays: 125 },
  {
    key: 'claim-hours',
    journey: 'claim',
    kpi: 'claim.resolution-hours',
    title: 'Claims resolved in 30 hours',
    baseline: 38,
    target: 30,
    dueInDays: 305,
  },
  { key: 'buy-nps', journey: 'buy', kpi: 'buy.nps', title: 'Buying NPS to +40', baseline: 30, target: 40, dueInDays: 215 },
  { key: 'buy-ces', journey: 'buy', kpi: 'buy.ces', title: 'Buying feels easy: CES 5.6', baseline: 5.2, target: 5.6, dueInDays: 305 },
  {
    key: 'buy-fcr',
    journey: 'buy',
    kpi: 'contact.fcr',
    title: 'Sales questions answered first time',
    baseline: 72,
    target: 78,
    dueInDays: 395,
  },
  { key: 'renew-nps', journey: 'renew', kpi: 'renew.nps', title: 'Renewal NPS to +30', baseline: 10, target: 30, dueInDays: 125 },
  { key: 'renew-churn', journey: 'renew', kpi: 'renew.churn', title: 'Renewal churn under 8%', baseline: 11, target: 8, dueInDays: 305 },
  { key: 'renew-org-nps', journey: 'renew', kpi: 'org.nps', title: 'Harbour NPS to +25', baseline: 12, target: 25, dueInDays: 395 },
];

export interface DemoInitiative {
  key: string;
  title: string;
  journey: JourneyKey;
  team: TeamKey;
  stage: InitiativeStage;
  problem: string;
  hypothesis: string;
  failurePoints: string[];
  outcomes: string[];
  kpi: string | null;
  expectedUplift: number | null;
  upliftConfidence: 'low' | 'medium' | 'high';
  cost: { oneOffBusiness: number; oneOffTechnology: number; runningBusiness: number; runningTechnology: number; itEffortDays: number };
  systems: SystemKey[];
  adoption?: { peopleToTrain: number; peopleTrained: number; usageMeasure: string; usageValue: number | null };
  funding?: { approver: 'team' | 'council'; by: string; daysAgo: number; reason: string };
  deliveryStartDaysAgo?: number;
  implementedDaysAgo?: number;
  changeSummary?: string;
  measuredDaysAgo?: number;
  spent?: { business: number; technology: number };
  /** How the change reached customers; all at once, with no holdout, when left out. */
  rollout?: DemoRollout;
}

/** A rollout plan with its waves dated in days before now. */
export interface DemoRollout {
  dimension: RolloutDimension;
  waves: { daysAgo: number; scopes: string[] }[];
  holdout: string[];
}

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    key: 'price-explanation',
    title: 'Clearer price-change explanation at renewal',
    journey: 'renew',
    team: 'renewals',
    stage: 'measured',
    problem: 'Renewal invitations showed a new price without the reason, and unexplained rises were the top reason for leaving.',
    hypothesis:
      'Explaining each rise (rebuild costs, claims in the area, discounts ending) in the invitation lifts renewal NPS by about 6 points and cuts churn.',
    failurePoints: ['renewal-price-unexplained'],
    outcomes: ['renew-nps', 'renew-churn'],
    kpi: 'renew.nps',
    expectedUplift: 6,
    upliftConfidence: 'high',
    cost: { oneOffBusiness: 35_000, oneOffTechnology: 65_000, runningBusiness: 8_000, runningTechnology: 12_000, itEffortDays: 45 },
    systems: ['policy-admin', 'documents'],
    adoption: {
      peopleToTrain: 48,
      peopleTrained: 48,
      usageMeasure: 'Renewal invitations sent with the price explanation (%)',
      usageValue: 100,
    },
    funding: {
      approver: 'council',
      by: 'Priya Shah',
      daysAgo: 300,
      reason: 'Top reason for lapse in exit interviews; £120,000 is above Policy & Renewals’ authority.',
    },
    deliveryStartDaysAgo: 270,
    implementedDaysAgo: PRICE_EXPLANATION_LIVE_DAYS_AGO,
    changeSummary: 'Every renewal invitation now explains the price change line by line; the retention script follows the same wording.',
    measuredDaysAgo: 20,
    spent: { business: 33_500, technology: 71_200 },
  },
  {
    key: 'claim-tracking',
    title: 'Online claim tracking page',
    journey: 'claim',
    team: 'claims',
    stage: 'implemented',
    problem: 'Customers hear nothing between the assessor visit and the decision and call for updates.',
    hypothesis: 'A status page in the portal and app answers “where is my claim” without a call and lifts claim CSAT by 4 points.',
    failurePoints: ['silent-decision'],
    outcomes: ['claim-csat'],
    kpi: 'claim.csat',
    expectedUplift: 4,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 20_000, oneOffTechnology: 85_000, runningBusiness: 3_000, runningTechnology: 9_000, itEffortDays: 120 },
    systems: ['portal', 'mobile-app', 'claims-core'],
    adoption: { peopleToTrain: 120, peopleTrained: 96, usageMeasure: 'Open claims viewed online at least once (%)', usageValue: 31 },
    funding: {
      approver: 'team',
      by: 'Sam Reid',
      daysAgo: 250,
      reason: 'Within Claims Experience’s authority; the portal team has capacity this quarter.',
    },
    deliveryStartDaysAgo: 240,
    implementedDaysAgo: 135,
    changeSummary: 'Claim status page live in the customer portal and the mobile app.',
    spent: { business: 18_400, technology: 91_300 },
  },
  {
    key: 'assessor-48h',
    title: 'Assessor booked within 48 hours',
    journey: 'claim',
    team: 'claims',
    stage: 'in_delivery',
    problem: 'Claims over £5,000 wait nine days for an assessor, and customers chase the date.',
    hypothesis: 'Booking the visit at first notification with a 48-hour slot ends the chasing and lifts claim NPS by about 8 points.',
    failurePoints: ['assessor-wait', 'chase-assessor'],
    outcomes: ['claim-nps', 'claim-hours'],
    kpi: 'claim.nps',
    expectedUplift: 8,
    upliftConfidence: 'high',
    cost: { oneOffBusiness: 140_000, oneOffTechnology: 160_000, runningBusiness: 90_000, runningTechnology: 20_000, itEffortDays: 210 },
    systems: ['claims-core', 'crm', 'telephony'],
    adoption: {
      peopleToTrain: 85,
      peopleTrained: 40,
      usageMeasure: 'Visits booked within 48 hours of first notification (%)',
      usageValue: 54,
    },
    funding: {
      approver: 'council',
      by: 'Priya Shah',
      daysAgo: 45,
      reason: 'Costliest failure point on the claims journey; £410,000 is above Claims Experience’s authority.',
    },
    deliveryStartDaysAgo: 30,
    spent: { business: 62_000, technology: 48_000 },
  },
  {
    key: 'mobile-upload-fix',
    title: 'Photo upload that works on mobile',
    journey: 'claim',
    team: 'claims',
    stage: 'designed',
    problem: 'Large photos time out on the mobile web form.',
    hypothesis: 'Resizing photos on the phone before upload removes the timeouts and the re-keying, and lifts claim CSAT by 1.5 points.',
    failurePoints: ['mobile-upload'],
    outcomes: ['claim-csat'],
    kpi: 'claim.csat',
    expectedUplift: 1.5,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 0, oneOffTechnology: 28_000, runningBusiness: 0, runningTechnology: 2_000, itEffortDays: 25 },
    systems: ['portal', 'documents'],
  },
  {
    key: 'save-answers',
    title: 'Save underwriting answers between visits',
    journey: 'buy',
    team: 'sales',
    stage: 'designed',
    problem: 'Quotes are abandoned at the underwriting questions.',
    hypothesis: 'Saving answers as they are given, and letting people come back by email link, makes buying feel easier (CES +0.2).',
    failurePoints: ['underwriting-abandon'],
    outcomes: ['buy-ces'],
    kpi: 'buy.ces',
    expectedUplift: 0.2,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 15_000, oneOffTechnology: 210_000, runningBusiness: 0, runningTechnology: 35_000, itEffortDays: 160 },
    systems: ['portal', 'rating'],
  },
  {
    key: 'retention-script',
    title: 'Retention call script refresh',
    journey: 'renew',
    team: 'contact',
    stage: 'idea',
    problem: 'Retention calls are long and end badly.',
    hypothesis: 'A shorter, honest script lifts renewal NPS among those called.',
    failurePoints: [],
    outcomes: ['renew-nps'],
    kpi: 'renew.nps',
    expectedUplift: 2,
    upliftConfidence: 'low',
    cost: { oneOffBusiness: 18_000, oneOffTechnology: 0, runningBusiness: 0, runningTechnology: 0, itEffortDays: 0 },
    systems: [],
  },
  {
    key: 'status-texts',
    title: 'Proactive texts between visit and decision',
    journey: 'claim',
    team: 'contact',
    stage: 'idea',
    problem: 'Customers call for updates after the assessor visit.',
    hypothesis: 'A text at each claim milestone prevents most update calls.',
    failurePoints: ['silent-decision'],
    outcomes: ['claim-nps'],
    kpi: 'claim.nps',
    expectedUplift: 3,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 4_000, oneOffTechnology: 12_000, runningBusiness: 0, runningTechnology: 6_000, itEffortDays: 15 },
    systems: ['telephony', 'claims-core'],
  },
  {
    key: 'cancel-online',
    title: 'Cancel online in two clicks',
    journey: 'renew',
    team: 'renewals',
    stage: 'idea',
    problem: 'Cancelling needs a phone call.',
    hypothesis: '',
    failurePoints: ['cancel-by-phone'],
    outcomes: [],
    kpi: null,
    expectedUplift: null,
    upliftConfidence: 'medium',
    cost: { oneOffBusiness: 0, oneOffTechnology: 0, runningBusiness: 0, runningTechnology: 0, itEffortDays: 0 },
    systems: [],
  },
  ...ACID_TEST_STORY_INITIATIVES,
];
