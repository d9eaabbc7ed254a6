import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Value and delivery: failure points on steps, the insight repository (searched with
// PostgreSQL's own full text), outcomes per journey, initiatives with their investment case and
// lifecycle, and the value model's estimates per KPI.
const UP = `
    CREATE TABLE failure_point (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      journey_id uuid NOT NULL,
      step_id uuid NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      expectation int NOT NULL CHECK (expectation BETWEEN 1 AND 5),
      capability int NOT NULL CHECK (capability BETWEEN 1 AND 5),
      frequency double precision NOT NULL CHECK (frequency >= 0),
      frequency_period text NOT NULL CHECK (frequency_period IN ('week','month','quarter','year')),
      cost_basis text NOT NULL,
      unit_cost numeric(14,2) NOT NULL CHECK (unit_cost >= 0),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id),
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX failure_point_org_journey_idx ON failure_point (organisation_id, journey_id);
    CREATE TABLE failure_point_kpi (
      organisation_id uuid NOT NULL,
      failure_point_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      PRIMARY KEY (failure_point_id, kpi_id),
      FOREIGN KEY (organisation_id, failure_point_id) REFERENCES failure_point(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE outcome (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      journey_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      title text NOT NULL,
      baseline double precision NOT NULL,
      target double precision NOT NULL,
      by_date date NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id),
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX outcome_journey_idx ON outcome (journey_id);
    CREATE TABLE initiative (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      title text NOT NULL,
      journey_id uuid NOT NULL,
      team_id uuid NOT NULL,
      problem text NOT NULL DEFAULT '',
      hypothesis text NOT NULL DEFAULT '',
      stage text NOT NULL DEFAULT 'idea' CHECK (stage IN ('idea','designed','funded','in_delivery','implemented','measured')),
      one_off_business numeric(14,2) NOT NULL DEFAULT 0 CHECK (one_off_business >= 0),
      one_off_technology numeric(14,2) NOT NULL DEFAULT 0 CHECK (one_off_technology >= 0),
      running_business numeric(14,2) NOT NULL DEFAULT 0 CHECK (running_business >= 0),
      running_technology numeric(14,2) NOT NULL DEFAULT 0 CHECK (running_technology >= 0),
      it_effort_days double precision NOT NULL DEFAULT 0 CHECK (it_effort_days >= 0),
      kpi_id uuid,
      expected_uplift double precision,
      uplift_confidence text NOT NULL DEFAULT 'medium' CHECK (uplift_confidence IN ('low','medium','high')),
      value_per_point_override double precision,
      people_to_train int NOT NULL DEFAULT 0 CHECK (people_to_train >= 0),
      people_trained int NOT NULL DEFAULT 0 CHECK (people_trained >= 0),
      usage_measure text NOT NULL DEFAULT '',
      usage_value double precision,
      delivery_start_on date,
      implemented_on date,
      change_summary text NOT NULL DEFAULT '',
      change_proposal_id uuid,
      spent_business numeric(14,2) NOT NULL DEFAULT 0 CHECK (spent_business >= 0),
      spent_technology numeric(14,2) NOT NULL DEFAULT 0 CHECK (spent_technology >= 0),
      funding_approver text CHECK (funding_approver IN ('team','council')),
      funded_on date,
      measured_on date,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id),
      -- From funding on, an initiative always says who approved its money.
      CHECK (stage IN ('idea','designed') OR funding_approver IS NOT NULL),
      CHECK (stage NOT IN ('implemented','measured') OR implemented_on IS NOT NULL),
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id),
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE SET NULL (kpi_id),
      FOREIGN KEY (organisation_id, change_proposal_id) REFERENCES change_proposal(organisation_id, id) ON DELETE SET NULL (change_proposal_id)
    );
    CREATE INDEX initiative_org_stage_idx ON initiative (organisation_id, stage);
    CREATE TABLE initiative_failure_point (
      organisation_id uuid NOT NULL,
      initiative_id uuid NOT NULL,
      failure_point_id uuid NOT NULL,
      PRIMARY KEY (initiative_id, failure_point_id),
      FOREIGN KEY (organisation_id, initiative_id) REFERENCES initiative(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, failure_point_id) REFERENCES failure_point(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX initiative_failure_point_fp_idx ON initiative_failure_point (failure_point_id);
    CREATE TABLE initiative_outcome (
      organisation_id uuid NOT NULL,
      initiative_id uuid NOT NULL,
      outcome_id uuid NOT NULL,
      PRIMARY KEY (initiative_id, outcome_id),
      FOREIGN KEY (organisation_id, initiative_id) REFERENCES initiative(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, outcome_id) REFERENCES outcome(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE initiative_system (
      organisation_id uuid NOT NULL,
      initiative_id uuid NOT NULL,
      system_id uuid NOT NULL,
      PRIMARY KEY (initiative_id, system_id),
      FOREIGN KEY (organisation_id, initiative_id) REFERENCES initiative(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, system_id) REFERENCES system(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE insight (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('finding','verbatim')),
      title text NOT NULL,
      body text NOT NULL,
      source text NOT NULL CHECK (source IN ('interview','survey','analytics','frontline')),
      observed_on date NOT NULL,
      confidence text NOT NULL CHECK (confidence IN ('low','medium','high')),
      personas text[] NOT NULL DEFAULT '{}',
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id)
    );
    CREATE INDEX insight_search_idx ON insight USING gin (search);
    CREATE INDEX insight_org_observed_idx ON insight (organisation_id, observed_on DESC);
    CREATE TABLE insight_link (
      organisation_id uuid NOT NULL,
      insight_id uuid NOT NULL,
      journey_id uuid,
      step_id uuid,
      failure_point_id uuid,
      initiative_id uuid,
      -- Exactly one target per link, each a real foreign key so nothing dangles.
      CHECK (num_nonnulls(journey_id, step_id, failure_point_id, initiative_id) = 1),
      FOREIGN KEY (organisation_id, insight_id) REFERENCES insight(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, failure_point_id) REFERENCES failure_point(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, initiative_id) REFERENCES initiative(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX insight_link_insight_idx ON insight_link (insight_id);
    CREATE INDEX insight_link_failure_point_idx ON insight_link (failure_point_id) WHERE failure_point_id IS NOT NULL;
    CREATE INDEX insight_link_initiative_idx ON insight_link (initiative_id) WHERE initiative_id IS NOT NULL;
    CREATE INDEX insight_link_journey_idx ON insight_link (journey_id) WHERE journey_id IS NOT NULL;
    CREATE TABLE value_estimate (
      organisation_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      method text NOT NULL CHECK (method IN ('band_ltv','churn_regression')),
      value_per_point double precision NOT NULL,
      ci_low double precision NOT NULL,
      ci_high double precision NOT NULL,
      n_customers int NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      detail jsonb NOT NULL,
      fitted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kpi_id, method),
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    )
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `DROP TABLE value_estimate, insight_link, insight, initiative_system, initiative_outcome, initiative_failure_point, initiative, outcome, failure_point_kpi, failure_point`,
    )
    .execute(db);
}
