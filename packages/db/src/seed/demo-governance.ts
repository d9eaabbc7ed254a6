import { BUY_JOURNEY } from './demo-buy-journey.ts';
import { CLAIM_JOURNEY } from './demo-claim-journey.ts';
import type { DemoJourney, DemoPolicy, DemoRemit } from './demo-model.types.ts';
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
      'Before a settlement is paid, the payee\'s identity and bank account must be verified (Confirmation of Payee) and match the policyholder or an authorised third party.',
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
    statement:
      'A saved quote may be bought at the quoted price for 30 days unless the information given changes.',
    owner: 'pricing',
    steps: ['buy.see-quote', 'buy.save-quote'],
    decisionRights: ['sales'],
  },
  {
    name: 'Auto-renewal only with recorded consent',
    statement:
      'A policy renews automatically only when the customer\'s consent to auto-renewal is recorded; otherwise the customer must confirm before the renewal date.',
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
