import { BUY_JOURNEY } from './demo-buy-journey.ts';
import { CLAIM_JOURNEY } from './demo-claim-journey.ts';
import type { DemoJourney, DemoPolicy, DemoProposal, DemoRemit } from './demo-model.types.ts';
import { RENEW_JOURNEY } from './demo-renew-journey.ts';

export const DEMO_JOURNEYS: DemoJourney[] = [CLAIM_JOURNEY, BUY_JOURNEY, RENEW_JOURNEY];

/**
 * Who owns what. Data & Insight holds no remit at all, and Pricing & Underwriting none on the
 * claims journey, although both run systems the claims journey depends on.
 */
export const DEMO_REMITS: DemoRemit[] = [
  { journey: 'claim', team: 'claims', role: 'accountable' },
  {
    journey: 'claim',
    team: 'contact',
    role: 'contributing',
    steps: ['claim.report-by-phone', 'claim.challenge-decision', 'claim.complaint'],
  },
  { journey: 'buy', team: 'sales', role: 'accountable' },
  {
    journey: 'buy',
    team: 'pricing',
    role: 'contributing',
    steps: ['buy.compare-prices', 'buy.underwriting-questions', 'buy.underwriter-referral', 'buy.see-quote'],
  },
  { journey: 'buy', team: 'contact', role: 'contributing', steps: ['buy.sales-call', 'buy.cooling-off-cancel'] },
  { journey: 'renew', team: 'renewals', role: 'accountable' },
  {
    journey: 'renew',
    team: 'contact',
    role: 'contributing',
    steps: ['renew.price-call', 'renew.retention-call', 'renew.chat', 'renew.cancel'],
  },
  { journey: 'renew', team: 'pricing', role: 'contributing' },
];

/**
 * Business rules. The fraud-referral rule is owned by Pricing & Underwriting, whose remit covers
 * no step of the claims journey it governs: a finding the product should surface.
 */
export const DEMO_POLICIES: DemoPolicy[] = [
  {
    name: 'Claims over £5,000 need an assessor visit',
    statement:
      'Any buildings or contents claim with an estimated value above £5,000 must be inspected by an in-house assessor or panel loss adjuster before liability is decided.',
    owner: 'claims',
    steps: ['claim.triage', 'claim.book-assessor', 'claim.assessor-visit'],
  },
  {
    name: 'Renewal price increases above 10% need a retention call',
    statement:
      'Where the renewal premium rises by more than 10% on last year, the retention team calls the customer before the renewal date to review cover and offer fair alternatives.',
    owner: 'renewals',
    steps: ['renew.invitation', 'renew.retention-call'],
    decisionRights: ['contact'],
  },
  {
    name: 'Cooling-off cancellations refunded within 14 days',
    statement:
      'A customer who cancels within the 14-day cooling-off period receives a full refund of premium paid, within 14 days of the cancellation, with no administration fee.',
    owner: 'sales',
    steps: ['buy.cooling-off-review', 'buy.cooling-off-cancel'],
    decisionRights: ['contact'],
  },
  {
    name: 'Claims scoring 70+ for fraud risk go to the Special Investigations Unit',
    statement:
      'Claims with a fraud-screening score of 70 or more are referred to the Special Investigations Unit and no settlement is paid until the unit has cleared them.',
    owner: 'pricing',
    steps: ['claim.fraud-questions', 'claim.settlement'],
  },
  {
    name: 'Identity and bank details verified before any claim payment',
    statement:
      "Before a settlement is paid, the payee's identity and bank account must be verified (Confirmation of Payee) and match the policyholder or an authorised third party.",
    owner: 'claims',
    steps: ['claim.settlement'],
  },
  {
    name: 'Customers in vulnerable circumstances get a dedicated claims handler',
    statement:
      'When a vulnerability is recorded at first notification, the claim is allocated to one named handler for its whole life and contact preferences are honoured.',
    owner: 'contact',
    steps: ['claim.report-by-phone', 'claim.triage'],
    decisionRights: ['claims'],
  },
  {
    name: 'Quotes are honoured for 30 days at the quoted price',
    statement: 'A saved quote may be bought at the quoted price for 30 days unless the information given changes.',
    owner: 'pricing',
    steps: ['buy.see-quote', 'buy.save-quote'],
    decisionRights: ['sales'],
  },
  {
    name: 'Auto-renewal only with recorded consent',
    statement:
      "A policy renews automatically only when the customer's consent to auto-renewal is recorded; otherwise the customer must confirm before the renewal date.",
    owner: 'renewals',
    steps: ['renew.reminder', 'renew.auto-renewal'],
  },
  {
    name: 'Properties with a subsidence history are referred to an underwriter',
    statement:
      'Any property with past subsidence, heave or landslip, or within 50 metres of trees taller than the house, is referred to an underwriter before cover is offered or renewed.',
    owner: 'pricing',
    steps: ['buy.underwriting-questions', 'buy.underwriter-referral', 'renew.update-details'],
  },
];

/**
 * Changes proposed to those policies: one the claims team approved itself and put in place,
 * one above its spending authority waiting for the CX council, one the council turned down,
 * and a draft. Routing follows the rules in domain (policy/change-routing.ts).
 */
export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    policy: 'Identity and bank details verified before any claim payment',
    team: 'claims',
    title: 'Verify bank details at first notification, not at settlement',
    proposedStatement:
      "The payee's identity and bank account are verified (Confirmation of Payee) when the claim is reported, so settlement is not held up at the end; a change of payee is verified again.",
    rationale: 'Settlement waits an average of 2.3 days for bank checks; verbatims name it as the most frustrating delay.',
    cost: 18_000,
    state: 'implemented',
    approver: 'team',
    routingReason: 'The policy is in the team’s decision rights and the cost is within its spending authority.',
    decision: { by: 'Sam Reid', body: 'team', reason: 'Within our authority; removes the biggest delay customers tell us about.' },
  },
  {
    policy: 'Claims over £5,000 need an assessor visit',
    team: 'claims',
    title: 'Raise the assessor-visit threshold to £10,000 with video assessment below it',
    proposedStatement:
      'Any buildings or contents claim estimated above £10,000 is inspected in person; claims from £5,000 to £10,000 are assessed by video call within two working days.',
    rationale: 'Assessor bookings are the failing step of the claims journey: 9 days average wait. Video assessment needs new tooling.',
    cost: 240_000,
    state: 'proposed',
    approver: 'council',
    routingReason: 'The cost exceeds the team’s spending authority.',
  },
  {
    policy: 'Claims scoring 70+ for fraud risk go to the Special Investigations Unit',
    team: 'claims',
    title: 'Pay low-value claims while fraud review continues',
    proposedStatement: 'Claims under £1,000 scoring 70–80 are paid while the Special Investigations Unit reviews them.',
    rationale: 'Honest customers wait weeks for small payments.',
    cost: 0,
    state: 'rejected',
    approver: 'council',
    routingReason: 'The policy is outside the team’s decision rights.',
    decision: {
      by: 'Priya Shah',
      body: 'council',
      reason: 'Fraud losses in this band are too high; revisit with Pricing & Underwriting and better scoring.',
    },
  },
  {
    policy: 'Renewal price increases above 10% need a retention call',
    team: 'contact',
    title: 'Offer a callback slot instead of an outbound retention call',
    proposedStatement:
      'Where the renewal premium rises by more than 10%, the renewal invitation offers the customer a callback slot with the retention team before the renewal date.',
    rationale: 'Outbound calls reach only 41% of customers.',
    cost: 12_000,
    state: 'draft',
  },
];
