import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Policy change proposals and the decision log. A decision is append-only like the audit log:
// governance is only worth something if its record cannot be rewritten.
const UP = `
    CREATE TABLE change_proposal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      policy_id uuid NOT NULL,
      team_id uuid NOT NULL,
      title text NOT NULL,
      proposed_statement text NOT NULL,
      rationale text NOT NULL DEFAULT '',
      cost numeric(14,2) NOT NULL DEFAULT 0 CHECK (cost >= 0),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','proposed','approved','rejected','implemented')),
      approver text CHECK (approver IN ('team','council')),
      routing_reason text,
      decision_reason text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (organisation_id, id),
      -- Once proposed, a proposal always says who must decide it.
      CHECK (state = 'draft' OR approver IS NOT NULL),
      FOREIGN KEY (organisation_id, policy_id) REFERENCES policy(organisation_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id)
    );
    CREATE INDEX change_proposal_org_state_idx ON change_proposal (organisation_id, state, created_at DESC);
    CREATE TABLE decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      subject_type text NOT NULL CHECK (subject_type IN ('policy','change_proposal','remit','initiative')),
      subject_id uuid NOT NULL,
      summary text NOT NULL,
      outcome text NOT NULL,
      reason text NOT NULL,
      decided_by text NOT NULL,
      decided_by_body text NOT NULL CHECK (decided_by_body IN ('team','council')),
      decided_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX decision_org_at_idx ON decision (organisation_id, decided_at DESC);
    CREATE FUNCTION decision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the decision log is append-only'; END
    $$;
    CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
      FOR EACH ROW EXECUTE FUNCTION decision_is_append_only();
    CREATE INDEX remit_team_idx ON remit (team_id);
    CREATE INDEX policy_step_step_idx ON policy_step (step_id);
    CREATE INDEX step_system_system_idx ON step_system (system_id)
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TABLE decision, change_proposal`).execute(db);
  await sql.raw(`DROP FUNCTION decision_is_append_only`).execute(db);
}
