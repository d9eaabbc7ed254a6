import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The KPI engine keeps one additive rollup per KPI, day and segment ('' = all segments), so a
// day's new events recompute that day only; results are upserted per KPI, period and segment.
const UP = `
    CREATE TABLE kpi_day (
      organisation_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      day date NOT NULL,
      segment text NOT NULL,
      n int NOT NULL,
      positives int NOT NULL,
      negatives int NOT NULL,
      sum float8 NOT NULL,
      sum_squares float8 NOT NULL,
      denominator float8 NOT NULL,
      samples float8[] NOT NULL,
      PRIMARY KEY (kpi_id, day, segment),
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE kpi_result (
      organisation_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      period_start date NOT NULL,
      grain text NOT NULL CHECK (grain IN ('day', 'week', 'month', 'quarter')),
      segment text NOT NULL,
      value float8 NOT NULL,
      n int NOT NULL,
      ci_low float8,
      ci_high float8,
      method text NOT NULL,
      small_sample boolean NOT NULL,
      computed_at timestamptz NOT NULL,
      run_id uuid NOT NULL,
      PRIMARY KEY (kpi_id, grain, period_start, segment),
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE TABLE kpi_run_state (
      kpi_id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      -- The newest ingested_at the last run had seen: later events mark their days for recompute.
      watermark timestamptz,
      last_run_at timestamptz NOT NULL,
      last_run_id uuid NOT NULL,
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX survey_response_org_ingested_idx ON survey_response (organisation_id, ingested_at);
    CREATE INDEX operational_event_org_ingested_idx ON operational_event (organisation_id, ingested_at)
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TABLE kpi_run_state, kpi_result, kpi_day`).execute(db);
  await sql.raw(`DROP INDEX survey_response_org_ingested_idx, operational_event_org_ingested_idx`).execute(db);
}
