import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// PGlite (like PostgreSQL's extended protocol) runs one statement per query, so the
// migration is split at semicolons that end a line.
const UP = `
    CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
      name text NOT NULL,
      currency char(3) NOT NULL DEFAULT 'GBP',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
    CREATE TABLE member (
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'cx_lead', 'team_member', 'viewer')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, user_id)
    );
    CREATE INDEX member_user_idx ON member (user_id);
    -- Only a hash of the session token is stored; the token itself lives in the cookie.
    CREATE TABLE session (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX session_user_idx ON session (user_id);
    -- Append-only: the application may insert, never update or delete (see trigger).
    CREATE TABLE audit_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      actor_type text NOT NULL CHECK (actor_type IN ('user', 'token', 'system')),
      actor_id text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_event_org_at_idx ON audit_event (organisation_id, at DESC);
    CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END
    $$;
    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TABLE audit_event, session, member, app_user, organisation`).execute(db);
  await sql.raw(`DROP FUNCTION audit_event_is_append_only`).execute(db);
}
