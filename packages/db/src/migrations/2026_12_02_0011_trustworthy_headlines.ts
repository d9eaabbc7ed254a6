import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Trustworthy headlines: an organisation's time zone (periods end at its midnight), a minimum
// sample per KPI, CES "% agree" as a kind, the reason an entered value per point stands beside a
// model that disagrees, and the interval an alert was raised on. Run states are cleared so every
// KPI's next run is a full one (its days are cut at the organisation's midnight from now on).
const UP = `
    ALTER TABLE organisation ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
    ALTER TABLE kpi ADD COLUMN min_sample int NOT NULL DEFAULT 30 CHECK (min_sample >= 2);
    ALTER TABLE kpi ADD COLUMN value_per_point_reason text;
    ALTER TABLE kpi DROP CONSTRAINT IF EXISTS kpi_kind_check;
    ALTER TABLE kpi ADD CONSTRAINT kpi_kind_check CHECK (kind IN ('nps','csat','ces','ces_agree','rate','mean','median','p90','count','sum','ratio'));
    ALTER TABLE kpi_alert ADD COLUMN ci_low float8;
    ALTER TABLE kpi_alert ADD COLUMN ci_high float8;
    DELETE FROM kpi_run_state;
`;

const DOWN = `
    ALTER TABLE kpi_alert DROP COLUMN ci_high;
    ALTER TABLE kpi_alert DROP COLUMN ci_low;
    ALTER TABLE kpi DROP CONSTRAINT kpi_kind_check;
    ALTER TABLE kpi ADD CONSTRAINT kpi_kind_check CHECK (kind IN ('nps','csat','ces','rate','mean','median','p90','count','sum','ratio'));
    ALTER TABLE kpi DROP COLUMN value_per_point_reason;
    ALTER TABLE kpi DROP COLUMN min_sample;
    ALTER TABLE organisation DROP COLUMN time_zone;
`;

/** PGlite runs one statement per query through Kysely, so the script goes statement by statement. */
async function run(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await run(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await run(db, DOWN);
}
