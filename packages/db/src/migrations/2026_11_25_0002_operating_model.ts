import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Every tenant table carries organisation_id, and child rows reference their parent together
// with it, so a row can never point into another organisation.
// PGlite (like PostgreSQL's extended protocol) runs one statement per query, so the
// migration is split at semicolons that end a line.
const UP = `
    CREATE TABLE team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      name text NOT NULL,
      purpose text NOT NULL DEFAULT '',
      capabilities text[] NOT NULL DEFAULT '{}'
        CHECK (capabilities <@ ARRAY['design','engineering','data','operations','compliance']),
      annual_budget numeric(14,2) NOT NULL DEFAULT 0 CHECK (annual_budget >= 0),
      spending_authority numeric(14,2) NOT NULL DEFAULT 0 CHECK (spending_authority >= 0),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id),
      UNIQUE (organisation_id, name)
    );
    CREATE TABLE team_member (
      organisation_id uuid NOT NULL,
      team_id uuid NOT NULL,
      user_id uuid NOT NULL,
      PRIMARY KEY (team_id, user_id),
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, user_id) REFERENCES member(organisation_id, user_id) ON DELETE CASCADE
    );
    CREATE TABLE system (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      owner_team_id uuid,
      version int NOT NULL DEFAULT 1,
      UNIQUE (organisation_id, id),
      UNIQUE (organisation_id, name),
      FOREIGN KEY (organisation_id, owner_team_id) REFERENCES team(organisation_id, id)
    );
    CREATE TABLE journey (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      personas text[] NOT NULL DEFAULT '{}',
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, id),
      UNIQUE (organisation_id, name)
    );
    CREATE TABLE journey_stage (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      journey_id uuid NOT NULL,
      name text NOT NULL,
      position int NOT NULL CHECK (position >= 0),
      UNIQUE (organisation_id, id),
      -- Deferrable so a reorder can swap positions inside one transaction.
      UNIQUE (journey_id, position) DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE journey_step (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      journey_id uuid NOT NULL,
      stage_id uuid NOT NULL,
      name text NOT NULL,
      channel text NOT NULL,
      position int NOT NULL CHECK (position >= 0),
      customer_action text NOT NULL DEFAULT '',
      frontstage text NOT NULL DEFAULT '',
      backstage text NOT NULL DEFAULT '',
      support_processes text NOT NULL DEFAULT '',
      evidence text NOT NULL DEFAULT '',
      version int NOT NULL DEFAULT 1,
      UNIQUE (organisation_id, id),
      UNIQUE (stage_id, position) DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, stage_id) REFERENCES journey_stage(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX journey_step_journey_idx ON journey_step (journey_id);
    CREATE TABLE step_system (
      organisation_id uuid NOT NULL,
      step_id uuid NOT NULL,
      system_id uuid NOT NULL,
      PRIMARY KEY (step_id, system_id),
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, system_id) REFERENCES system(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE step_dependency (
      organisation_id uuid NOT NULL,
      step_id uuid NOT NULL,
      depends_on_step_id uuid NOT NULL CHECK (depends_on_step_id <> step_id),
      PRIMARY KEY (step_id, depends_on_step_id),
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, depends_on_step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE remit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      journey_id uuid NOT NULL,
      team_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('accountable', 'contributing')),
      UNIQUE (organisation_id, id),
      UNIQUE (journey_id, team_id),
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id) ON DELETE CASCADE
    );
    -- Exactly one accountable team per journey: the database refuses a second.
    CREATE UNIQUE INDEX remit_one_accountable_per_journey ON remit (journey_id) WHERE role = 'accountable';
    CREATE TABLE remit_step (
      organisation_id uuid NOT NULL,
      remit_id uuid NOT NULL,
      step_id uuid NOT NULL,
      PRIMARY KEY (remit_id, step_id),
      FOREIGN KEY (organisation_id, remit_id) REFERENCES remit(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE policy (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      name text NOT NULL,
      statement text NOT NULL DEFAULT '',
      owner_team_id uuid NOT NULL,
      version int NOT NULL DEFAULT 1,
      UNIQUE (organisation_id, id),
      UNIQUE (organisation_id, name),
      FOREIGN KEY (organisation_id, owner_team_id) REFERENCES team(organisation_id, id)
    );
    CREATE TABLE policy_step (
      organisation_id uuid NOT NULL,
      policy_id uuid NOT NULL,
      step_id uuid NOT NULL,
      PRIMARY KEY (policy_id, step_id),
      FOREIGN KEY (organisation_id, policy_id) REFERENCES policy(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE
    );
    -- Decision rights: the policies a team may change (beyond the ones it owns).
    CREATE TABLE decision_right (
      organisation_id uuid NOT NULL,
      team_id uuid NOT NULL,
      policy_id uuid NOT NULL,
      PRIMARY KEY (team_id, policy_id),
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, policy_id) REFERENCES policy(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE kpi (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      key text NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      unit text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('nps','csat','ces','rate','mean','median','p90','count','sum','ratio')),
      source jsonb NOT NULL,
      scope_level text NOT NULL CHECK (scope_level IN ('organisation', 'journey', 'step')),
      journey_id uuid,
      step_id uuid,
      owner_team_id uuid,
      direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
      target double precision,
      threshold double precision,
      grain text NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter')),
      schedule text NOT NULL,
      value_per_point double precision,
      version int NOT NULL DEFAULT 1,
      UNIQUE (organisation_id, id),
      UNIQUE (organisation_id, key),
      CHECK ((scope_level = 'organisation') = (journey_id IS NULL)),
      CHECK ((scope_level = 'step') = (step_id IS NOT NULL)),
      FOREIGN KEY (organisation_id, journey_id) REFERENCES journey(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, step_id) REFERENCES journey_step(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, owner_team_id) REFERENCES team(organisation_id, id)
    );
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
      `DROP TABLE kpi, decision_right, policy_step, policy, remit_step, remit, step_dependency, step_system, journey_step, journey_stage, journey, system, team_member, team`,
    )
    .execute(db);
}
