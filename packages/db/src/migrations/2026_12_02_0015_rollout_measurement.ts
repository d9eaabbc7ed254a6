import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Proof that survives a sceptic: an initiative's rollout plan (all at once or in waves, a holdout,
// a comparison journey), which is what lets the acid test compare treated customers with customers
// the change has not reached; and what the measured gate recorded — the design that decided, its
// estimate of the uplift and the interval — so benefits realised are read, not recomputed.
const UP = `
    ALTER TABLE initiative ADD COLUMN rollout_plan jsonb NOT NULL
      DEFAULT '{"mode":"all_at_once","dimension":null,"waves":[],"holdout":[],"comparison":null}';
    ALTER TABLE initiative ADD COLUMN measured_kpi_id uuid REFERENCES kpi(id) ON DELETE SET NULL;
    ALTER TABLE initiative ADD COLUMN measured_design text
      CHECK (measured_design IN ('difference_in_differences', 'interrupted_time_series', 'before_after'));
    ALTER TABLE initiative ADD COLUMN measured_uplift float8;
    ALTER TABLE initiative ADD COLUMN measured_low float8;
    ALTER TABLE initiative ADD COLUMN measured_high float8;
    ALTER TABLE initiative ADD CONSTRAINT initiative_measurement_whole CHECK (
      (measured_design IS NULL AND measured_uplift IS NULL AND measured_low IS NULL AND measured_high IS NULL)
      OR (measured_design IS NOT NULL AND measured_uplift IS NOT NULL AND measured_low <= measured_high))
`;

const DOWN = `
    ALTER TABLE initiative DROP CONSTRAINT initiative_measurement_whole;
    ALTER TABLE initiative DROP COLUMN measured_high;
    ALTER TABLE initiative DROP COLUMN measured_low;
    ALTER TABLE initiative DROP COLUMN measured_uplift;
    ALTER TABLE initiative DROP COLUMN measured_design;
    ALTER TABLE initiative DROP COLUMN measured_kpi_id;
    ALTER TABLE initiative DROP COLUMN rollout_plan
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
