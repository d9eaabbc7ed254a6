import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Access: API tokens, invitations, password resets and rate limits. Every secret is stored
// as a SHA-256 hash only; the plaintext is shown once and never kept.
// PGlite (like PostgreSQL's extended protocol) runs one statement per query, so the
// migration is split at semicolons that end a line.
const UP = `
    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      -- The first characters, shown in lists so people can tell tokens apart.
      prefix text NOT NULL,
      scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_token_org_idx ON api_token (organisation_id);
    CREATE TABLE invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'cx_lead', 'team_member', 'viewer')),
      team_id uuid,
      token_hash text NOT NULL UNIQUE,
      invited_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      FOREIGN KEY (organisation_id, team_id) REFERENCES team(organisation_id, id) ON DELETE SET NULL (team_id)
    );
    CREATE TABLE password_reset (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    -- Fixed-window counters shared by every API process.
    CREATE TABLE rate_limit (
      key text NOT NULL,
      window_start timestamptz NOT NULL,
      hits int NOT NULL,
      PRIMARY KEY (key, window_start)
    );
    -- Sign-ins with an unknown email belong to no organisation, and are still audited.
    ALTER TABLE audit_event ALTER COLUMN organisation_id DROP NOT NULL;
    CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC)
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TABLE rate_limit, password_reset, invitation, api_token`).execute(db);
}
