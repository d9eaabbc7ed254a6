import type { DemoPerson, DemoSystem, DemoTeam } from './demo-model.types.ts';

export const DEMO_ORGANISATION_NAME = 'Harbour Home Insurance';
export const DEMO_ADMIN_EMAIL = 'admin@harbour.example';

/**
 * Six teams. Gaps are deliberate: the contact centre has no design, engineering or data
 * capability, Digital Sales has no compliance, and Data & Insight holds no journey remit.
 */
export const DEMO_TEAMS: DemoTeam[] = [
  {
    key: 'claims',
    name: 'Claims Experience',
    purpose:
      'Owns the end-to-end claims journey, from first notification of loss to settlement and close, and answers for claims NPS, CSAT and resolution time.',
    capabilities: ['design', 'data', 'operations', 'compliance'],
    annualBudget: 2_400_000,
    spendingAuthority: 150_000,
  },
  {
    key: 'renewals',
    name: 'Policy & Renewals',
    purpose:
      'Keeps customers on cover: renewal invitations, pricing transparency under the FCA pricing-practices rules, retention and mid-term servicing.',
    capabilities: ['design', 'engineering', 'operations', 'compliance'],
    annualBudget: 1_650_000,
    spendingAuthority: 100_000,
  },
  {
    key: 'sales',
    name: 'Digital Sales',
    purpose:
      'Turns quotes into policies across the website, app and price-comparison sites; owns the buy journey, the customer portal and the mobile app.',
    capabilities: ['design', 'engineering', 'data', 'operations'],
    annualBudget: 3_100_000,
    spendingAuthority: 250_000,
  },
  {
    key: 'contact',
    name: 'Customer Contact Centre',
    purpose:
      'Answers customers by phone, chat and email for every journey: claims first notification, sales advice, retention calls and complaints.',
    capabilities: ['operations', 'compliance'],
    annualBudget: 5_800_000,
    spendingAuthority: 75_000,
  },
  {
    key: 'pricing',
    name: 'Pricing & Underwriting',
    purpose:
      'Sets new-business and renewal prices within risk appetite, referral rules and fraud controls; owns the rating engine and fraud screening.',
    capabilities: ['data', 'operations', 'compliance'],
    annualBudget: 1_900_000,
    spendingAuthority: 120_000,
  },
  {
    key: 'insight',
    name: 'Data & Insight',
    purpose: 'Runs the survey programme, customer analytics and the data platform that every journey team measures itself with.',
    capabilities: ['design', 'engineering', 'data'],
    annualBudget: 1_200_000,
    spendingAuthority: 60_000,
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: DEMO_ADMIN_EMAIL, displayName: 'Alex Morgan', role: 'admin', teams: ['claims'] },
  { email: 'priya.shah@harbour.example', displayName: 'Priya Shah', role: 'cx_lead', teams: [] },
  { email: 'tom.okafor@harbour.example', displayName: 'Tom Okafor', role: 'cx_lead', teams: ['renewals'] },
  { email: 'sam.reid@harbour.example', displayName: 'Sam Reid', role: 'team_member', teams: ['claims'] },
  { email: 'fatima.ali@harbour.example', displayName: 'Fatima Ali', role: 'team_member', teams: ['claims', 'contact'] },
  { email: 'hannah.clarke@harbour.example', displayName: 'Hannah Clarke', role: 'team_member', teams: ['sales'] },
  { email: 'marcus.bell@harbour.example', displayName: 'Marcus Bell', role: 'team_member', teams: ['contact'] },
  { email: 'chloe.evans@harbour.example', displayName: 'Chloe Evans', role: 'team_member', teams: ['pricing'] },
  { email: 'daniel.hughes@harbour.example', displayName: 'Daniel Hughes', role: 'team_member', teams: ['insight'] },
  { email: 'olivia.grant@harbour.example', displayName: 'Olivia Grant', role: 'viewer', teams: [] },
];

export const DEMO_SYSTEMS: DemoSystem[] = [
  {
    key: 'claims-core',
    name: 'ClaimsCore',
    description: 'Claims administration (Guidewire ClaimCenter): claim record, reserves, tasks, assessor diary and payments requests.',
    owner: 'claims',
  },
  {
    key: 'policy-admin',
    name: 'PolicyAdmin',
    description: 'Policy administration (Guidewire PolicyCenter): policies, endorsements, renewals and cancellations.',
    owner: 'renewals',
  },
  {
    key: 'crm',
    name: 'CRM',
    description: 'Salesforce Service Cloud: customer record, case history, vulnerability flags and consent.',
    owner: 'contact',
  },
  {
    key: 'telephony',
    name: 'IVR & Telephony',
    description: 'Genesys Cloud: IVR menus, call routing, queue callbacks, call recording and webchat.',
    owner: 'contact',
  },
  {
    key: 'portal',
    name: 'Customer Portal',
    description: 'harbourhome.example web self-service: quote and buy, online claims, documents and renewals.',
    owner: 'sales',
  },
  {
    key: 'mobile-app',
    name: 'Mobile App',
    description: 'Harbour Home iOS and Android app: policy wallet, claim photos and claim tracking.',
    owner: 'sales',
  },
  {
    key: 'payments',
    name: 'Payments',
    description: 'Card and Direct Debit collection, refunds and claim settlement payments (Faster Payments).',
    owner: 'renewals',
  },
  {
    key: 'documents',
    name: 'Document Service',
    description: 'Generates and sends policy schedules, renewal notices, claim letters and stores customer uploads.',
    owner: 'renewals',
  },
  {
    key: 'fraud',
    name: 'Fraud Screening',
    description: 'Rules and network analytics scoring new business and claims against industry fraud databases (CUE, IFB).',
    owner: 'pricing',
  },
  {
    key: 'survey',
    name: 'Survey Platform',
    description: 'Qualtrics: post-interaction CSAT/CES, journey NPS and the relationship NPS tracker, with closed-loop alerts.',
    owner: 'insight',
  },
  {
    key: 'rating',
    name: 'Rating Engine',
    description: 'Prices new business and renewals from property, peril and claims-history factors; feeds price-comparison sites.',
    owner: 'pricing',
  },
];
