import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The database as Kysely sees it. Column names are snake_case, as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  currency: Generated<string>;
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
  version: Generated<number>;
}
export interface SurveyResponseTable {
  id: ColumnType<number, never, never>;
  organisation_id: string;
  source: string;
  external_id: string;
  instrument: 'nps' | 'csat' | 'ces';
  score: number;
  customer_id: string | null;
  journey_id: string | null;
  step_id: string | null;
  channel: string | null;
  segment: string | null;
  verbatim: string | null;
  occurred_at: Timestamp;
  ingested_at: CreatedAt;
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
  watermark: Date | null;
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
  raised_at: Timestamp;
  resolved_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}

export interface DB {
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
