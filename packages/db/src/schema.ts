import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { RolloutPlan } from '@throughline/domain';

/** The database as Kysely sees it. Column names are snake_case, as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  currency: Generated<string>;
  /** IANA zone whose midnight ends a period. */
  time_zone: Generated<string>;
  /** The longest lifetime, in days, a new API token may have; null: no limit. */
  max_token_lifetime_days: number | null;
  created_at: CreatedAt;
}
export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: CreatedAt;
}
export interface MemberTable {
  organisation_id: string;
  user_id: string;
  role: 'admin' | 'cx_lead' | 'team_member' | 'viewer';
  created_at: CreatedAt;
}
export interface SessionTable {
  token_hash: string;
  user_id: string;
  organisation_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
export interface AuditEventTable {
  id: ColumnType<number, never, never>;
  organisation_id: string | null;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  at: Timestamp;
}
export interface TeamTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  purpose: Generated<string>;
  capabilities: Generated<string[]>;
  annual_budget: Generated<number>;
  spending_authority: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface TeamMemberTable {
  organisation_id: string;
  team_id: string;
  user_id: string;
}
export interface SystemTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: Generated<string>;
  owner_team_id: string | null;
  version: Generated<number>;
}
export interface JourneyTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: Generated<string>;
  personas: Generated<string[]>;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface JourneyStageTable {
  id: Generated<string>;
  organisation_id: string;
  journey_id: string;
  name: string;
  position: number;
}
export interface JourneyStepTable {
  id: Generated<string>;
  organisation_id: string;
  journey_id: string;
  stage_id: string;
  name: string;
  channel: string;
  position: number;
  customer_action: Generated<string>;
  frontstage: Generated<string>;
  backstage: Generated<string>;
  support_processes: Generated<string>;
  evidence: Generated<string>;
  version: Generated<number>;
}
export interface StepSystemTable {
  organisation_id: string;
  step_id: string;
  system_id: string;
}
export interface StepDependencyTable {
  organisation_id: string;
  step_id: string;
  depends_on_step_id: string;
}
export interface RemitTable {
  id: Generated<string>;
  organisation_id: string;
  journey_id: string;
  team_id: string;
  role: 'accountable' | 'contributing';
}
export interface RemitStepTable {
  organisation_id: string;
  remit_id: string;
  step_id: string;
}
export interface PolicyTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  statement: Generated<string>;
  owner_team_id: string;
  version: Generated<number>;
}
export interface PolicyStepTable {
  organisation_id: string;
  policy_id: string;
  step_id: string;
}
export interface DecisionRightTable {
  organisation_id: string;
  team_id: string;
  policy_id: string;
}
export interface KpiTable {
  id: Generated<string>;
  organisation_id: string;
  key: string;
  name: string;
  description: Generated<string>;
  unit: Generated<string>;
  kind: string;
  source: Json<unknown>;
  scope_level: 'organisation' | 'journey' | 'step';
  journey_id: string | null;
  step_id: string | null;
  owner_team_id: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  target: number | null;
  threshold: number | null;
  grain: 'day' | 'week' | 'month' | 'quarter';
  schedule: string;
  value_per_point: number | null;
  value_per_point_reason: string | null;
  min_sample: Generated<number>;
  version: Generated<number>;
}
export interface SurveyResponseTable {
  id: ColumnType<number, never, never>;
  organisation_id: string;
  source: string;
  external_id: string;
  instrument: 'nps' | 'csat' | 'ces';
  score: number;
  /** The top of the answer's scale when not the instrument's usual one (CSAT on 1–7). */
  scale: ColumnType<number | null, number | null | undefined, number | null>;
  customer_id: string | null;
  journey_id: string | null;
  step_id: string | null;
  channel: string | null;
  segment: string | null;
  verbatim: string | null;
  occurred_at: Timestamp;
  ingested_at: CreatedAt;
  /** xid8 of the transaction that stored the row: what incremental recompute watermarks on. */
  ingest_xid: ColumnType<string, never, never>;
}
export interface OperationalEventTable {
  id: ColumnType<number, never, never>;
  organisation_id: string;
  source: string;
  external_id: string;
  type: string;
  value: number | null;
  customer_id: string | null;
  journey_id: string | null;
  step_id: string | null;
  attributes: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  ingested_at: CreatedAt;
  /** xid8 of the transaction that stored the row: what incremental recompute watermarks on. */
  ingest_xid: ColumnType<string, never, never>;
}
export interface DataFreshnessTable {
  organisation_id: string;
  checked_at: Timestamp;
  latest_survey_at: Date | null;
  latest_event_at: Date | null;
  stale_sources: Json<unknown>;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}
export interface InvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: 'admin' | 'cx_lead' | 'team_member' | 'viewer';
  team_id: string | null;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Date | null;
}
export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Date | null;
}
/** Failed sign-ins per email since the last success, and the lock they put on it. */
export interface SignInLockoutTable {
  email: string;
  failures: number;
  last_failed_at: Timestamp;
  locked_until: Date | null;
}
export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface ChangeProposalTable {
  id: Generated<string>;
  organisation_id: string;
  policy_id: string;
  team_id: string;
  title: string;
  proposed_statement: string;
  rationale: Generated<string>;
  cost: Generated<number>;
  state: Generated<'draft' | 'proposed' | 'approved' | 'rejected' | 'implemented'>;
  approver: 'team' | 'council' | null;
  routing_reason: string | null;
  decision_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  version: Generated<number>;
}
export interface DecisionTable {
  id: Generated<string>;
  organisation_id: string;
  subject_type: 'policy' | 'change_proposal' | 'remit' | 'initiative';
  subject_id: string;
  summary: string;
  outcome: string;
  reason: string;
  decided_by: string;
  decided_by_body: 'team' | 'council';
  decided_at: CreatedAt;
}

export interface KpiDayTable {
  organisation_id: string;
  kpi_id: string;
  day: ColumnType<string, string, string>;
  segment: string;
  n: number;
  positives: number;
  negatives: number;
  sum: number;
  sum_squares: number;
  denominator: number;
  samples: number[];
}
export interface KpiResultTable {
  organisation_id: string;
  kpi_id: string;
  /** A date: read back as text (YYYY-MM-DD) by casting in SQL. */
  period_start: ColumnType<string, string, string>;
  grain: 'day' | 'week' | 'month' | 'quarter';
  segment: string;
  value: number;
  n: number;
  ci_low: number | null;
  ci_high: number | null;
  method: string;
  small_sample: boolean;
  computed_at: Timestamp;
  run_id: string;
}
export interface KpiRunStateTable {
  kpi_id: string;
  organisation_id: string;
  /** xid8, as text: the xmin of the snapshot the last run started from. */
  watermark: string | null;
  last_run_at: Timestamp;
  last_run_id: string;
}

export interface KpiAlertTable {
  id: Generated<string>;
  organisation_id: string;
  kpi_id: string;
  period_start: ColumnType<string, string, string>;
  kind: 'threshold' | 'target';
  value: number;
  line: number;
  n: number;
  ci_low: number | null;
  ci_high: number | null;
  raised_at: Timestamp;
  resolved_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}

export interface FailurePointTable {
  id: Generated<string>;
  organisation_id: string;
  journey_id: string;
  step_id: string;
  title: string;
  description: Generated<string>;
  expectation: number;
  capability: number;
  frequency: number;
  frequency_period: 'week' | 'month' | 'quarter' | 'year';
  cost_basis: string;
  unit_cost: number;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface FailurePointKpiTable {
  organisation_id: string;
  failure_point_id: string;
  kpi_id: string;
}
export interface OutcomeTable {
  id: Generated<string>;
  organisation_id: string;
  journey_id: string;
  kpi_id: string;
  title: string;
  baseline: number;
  target: number;
  /** A date: read back as text (YYYY-MM-DD) by casting in SQL. */
  by_date: ColumnType<string, string, string>;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface InitiativeTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  journey_id: string;
  team_id: string;
  problem: Generated<string>;
  hypothesis: Generated<string>;
  stage: Generated<'idea' | 'designed' | 'funded' | 'in_delivery' | 'implemented' | 'measured'>;
  one_off_business: Generated<number>;
  one_off_technology: Generated<number>;
  running_business: Generated<number>;
  running_technology: Generated<number>;
  it_effort_days: Generated<number>;
  kpi_id: string | null;
  expected_uplift: number | null;
  uplift_confidence: Generated<'low' | 'medium' | 'high'>;
  value_per_point_override: number | null;
  people_to_train: Generated<number>;
  people_trained: Generated<number>;
  usage_measure: Generated<string>;
  usage_value: number | null;
  delivery_start_on: ColumnType<string | null, string | null, string | null>;
  implemented_on: ColumnType<string | null, string | null, string | null>;
  change_summary: Generated<string>;
  change_proposal_id: string | null;
  spent_business: Generated<number>;
  spent_technology: Generated<number>;
  funding_approver: 'team' | 'council' | null;
  funded_on: ColumnType<string | null, string | null, string | null>;
  measured_on: ColumnType<string | null, string | null, string | null>;
  rollout_plan: ColumnType<RolloutPlan, string | undefined, string>;
  measured_kpi_id: string | null;
  measured_design: 'difference_in_differences' | 'interrupted_time_series' | 'before_after' | null;
  measured_uplift: number | null;
  measured_low: number | null;
  measured_high: number | null;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface InitiativeFailurePointTable {
  organisation_id: string;
  initiative_id: string;
  failure_point_id: string;
}
export interface InitiativeOutcomeTable {
  organisation_id: string;
  initiative_id: string;
  outcome_id: string;
}
export interface InitiativeSystemTable {
  organisation_id: string;
  initiative_id: string;
  system_id: string;
}
export interface InsightTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'finding' | 'verbatim';
  title: string;
  body: string;
  source: 'interview' | 'survey' | 'analytics' | 'frontline';
  observed_on: ColumnType<string, string, string>;
  confidence: 'low' | 'medium' | 'high';
  personas: Generated<string[]>;
  search: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: CreatedAt;
}
export interface InsightLinkTable {
  organisation_id: string;
  insight_id: string;
  journey_id: string | null;
  step_id: string | null;
  failure_point_id: string | null;
  initiative_id: string | null;
}
export interface ValueEstimateTable {
  organisation_id: string;
  kpi_id: string;
  method: 'band_ltv' | 'churn_regression';
  value_per_point: number;
  ci_low: number;
  ci_high: number;
  n_customers: number;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  detail: Json<unknown>;
  fitted_at: Timestamp;
}

/** Moves when a transaction that changed the organisation's rows commits (migration 0014). */
export interface OrganisationStampTable {
  organisation_id: string;
  stamp: number;
}

export interface DB {
  organisation_stamp: OrganisationStampTable;
  failure_point: FailurePointTable;
  failure_point_kpi: FailurePointKpiTable;
  outcome: OutcomeTable;
  initiative: InitiativeTable;
  initiative_failure_point: InitiativeFailurePointTable;
  initiative_outcome: InitiativeOutcomeTable;
  initiative_system: InitiativeSystemTable;
  insight: InsightTable;
  insight_link: InsightLinkTable;
  value_estimate: ValueEstimateTable;
  kpi_alert: KpiAlertTable;
  kpi_day: KpiDayTable;
  kpi_result: KpiResultTable;
  kpi_run_state: KpiRunStateTable;
  change_proposal: ChangeProposalTable;
  decision: DecisionTable;
  api_token: ApiTokenTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  rate_limit: RateLimitTable;
  sign_in_lockout: SignInLockoutTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  member: MemberTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  system: SystemTable;
  journey: JourneyTable;
  journey_stage: JourneyStageTable;
  journey_step: JourneyStepTable;
  step_system: StepSystemTable;
  step_dependency: StepDependencyTable;
  remit: RemitTable;
  remit_step: RemitStepTable;
  policy: PolicyTable;
  policy_step: PolicyStepTable;
  decision_right: DecisionRightTable;
  kpi: KpiTable;
  survey_response: SurveyResponseTable;
  operational_event: OperationalEventTable;
  data_freshness: DataFreshnessTable;
}

export type TeamRow = Selectable<TeamTable>;
export type NewSurveyResponse = Insertable<SurveyResponseTable>;
