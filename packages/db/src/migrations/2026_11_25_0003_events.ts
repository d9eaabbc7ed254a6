import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Events are append-only and idempotent by (organisation, source, external_id).
// PGlite (like PostgreSQL's extended protocol) runs one statement per query, so the
// migration is split at semicolons that end a line.
const UP = `
    CREATE TABLE survey_response (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      source text NOT NULL,
      external_id text NOT NULL,
      instrument text NOT NULL CHECK (instrument IN ('nps', 'csat', 'ces')),
      score smallint NOT NULL,
      customer_id text,
      journey_id uuid,
      step_id uuid,
      channel text,
      segment text,
      verbatim text,
      occurred_at timestamptz NOT NULL,
      ingested_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, source, external_id),
      CHECK (CASE instrument WHEN 'nps' THEN score BETWEEN 0 AND 10
                             WHEN 'csat' THEN score BETWEEN 1 AND 7
                             ELSE score BETWEEN 1 AND 7 END)
    );
    CREATE INDEX survey_response_org_time_idx ON survey_response (organisation_id, instrument, occurred_at);
    CREATE TABLE operational_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
      source text NOT NULL,
      external_id text NOT NULL,
      type text NOT NULL,
      value double precision,
      customer_id text,
      journey_id uuid,
      step_id uuid,
      attributes jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL,
      ingested_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, source, external_id)
    );
    CREATE INDEX operational_event_org_time_idx ON operational_event (organisation_id, type, occurred_at);
    -- One row per organisation, overwritten by the nightly freshness job (idempotent).
    CREATE TABLE data_freshness (
      organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
      checked_at timestamptz NOT NULL,
      latest_survey_at timestamptz,
      latest_event_at timestamptz,
      stale_sources jsonb NOT NULL DEFAULT '[]'
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
  await sql.raw(`DROP TABLE data_freshness, operational_event, survey_response`).execute(db);
}
