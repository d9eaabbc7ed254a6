import type { Capability, Channel, KpiSource, Role } from '@throughline/domain';

/**
 * The shape of the demo organisation's static data. Everything refers to everything else by a
 * stable key; the seed turns keys into database ids as it inserts.
 */
export type TeamKey = 'claims' | 'renewals' | 'sales' | 'contact' | 'pricing' | 'insight';
export type JourneyKey = 'claim' | 'buy' | 'renew';
export type SystemKey =
  'claims-core' | 'policy-admin' | 'crm' | 'telephony' | 'portal' | 'mobile-app' | 'payments' | 'documents' | 'fraud' | 'survey' | 'rating';

export interface DemoTeam {
  key: TeamKey;
  name: string;
  purpose: string;
  capabilities: Capability[];
  annualBudget: number;
  spendingAuthority: number;
}

export interface DemoPerson {
  email: string;
  displayName: string;
  role: Role;
  teams: TeamKey[];
}

export interface DemoSystem {
  key: SystemKey;
  name: string;
  description: string;
  owner: TeamKey;
}

/** One touchpoint with its service-blueprint lanes. */
export interface DemoStep {
  /** Unique across the demo, `<journey>.<step>`. */
  key: string;
  name: string;
  channel: Channel;
  customerAction: string;
  frontstage: string;
  backstage: string;
  supportProcesses: string;
  evidence: string;
  systems: SystemKey[];
  dependsOn?: string[];
}

export interface DemoStage {
  name: string;
  steps: DemoStep[];
}

export interface DemoJourney {
  key: JourneyKey;
  name: string;
  description: string;
  personas: string[];
  stages: DemoStage[];
}

export interface DemoRemit {
  journey: JourneyKey;
  team: TeamKey;
  role: 'accountable' | 'contributing';
  /** Narrows a contributing remit to these steps; absent means the whole journey. */
  steps?: string[];
}

/** A change proposed to a demo policy, and how far it got. */
export interface DemoProposal {
  policy: string;
  team: TeamKey;
  title: string;
  proposedStatement: string;
  rationale: string;
  cost: number;
  state: 'draft' | 'proposed' | 'approved' | 'rejected' | 'implemented';
  /** Who had to decide, once proposed (the routing rules' answer for these facts). */
  approver?: 'team' | 'council';
  routingReason?: string;
  decision?: { by: string; body: 'team' | 'council'; reason: string };
}

export interface DemoPolicy {
  name: string;
  statement: string;
  owner: TeamKey;
  steps: string[];
  /** Teams other than the owner that may change it. */
  decisionRights?: TeamKey[];
}

export interface DemoKpi {
  key: string;
  name: string;
  description: string;
  unit: string;
  kind: 'nps' | 'csat' | 'ces' | 'rate' | 'mean' | 'median' | 'p90' | 'count' | 'sum' | 'ratio';
  source: KpiSource;
  scope: { level: 'organisation' } | { level: 'journey'; journey: JourneyKey } | { level: 'step'; journey: JourneyKey; step: string };
  owner: TeamKey | null;
  direction: 'higher_is_better' | 'lower_is_better';
  target: number | null;
  threshold: number | null;
  grain: 'day' | 'week' | 'month' | 'quarter';
  schedule: string;
  valuePerPoint: number | null;
}
