import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Incremental recompute marks what it has seen by transaction id, not by ingestion time: an
// ingest transaction that began earlier but commits after a recompute carries an earlier
// ingested_at than rows that recompute saw, and a time watermark would skip it for good. Every
// transaction older than a snapshot's xmin has finished, so rows below it are all visible.
// Stored watermarks become null: each KPI's next run is a full one, then incremental again.
const UP = `
    ALTER TABLE survey_response ADD COLUMN ingest_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
    ALTER TABLE operational_event ADD COLUMN ingest_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
    DROP INDEX survey_response_org_ingested_idx;
    DROP INDEX operational_event_org_ingested_idx;
    CREATE INDEX survey_response_org_ingest_xid_idx ON survey_response (organisation_id, ingest_xid);
    CREATE INDEX operational_event_org_ingest_xid_idx ON operational_event (organisation_id, ingest_xid);
    ALTER TABLE kpi_run_state DROP COLUMN watermark;
    -- The xmin of the snapshot the last run started from: rows of later transactions are new.
    ALTER TABLE kpi_run_state ADD COLUMN watermark xid8;
`;

const DOWN = `
    ALTER TABLE kpi_run_state DROP COLUMN watermark;
    ALTER TABLE kpi_run_state ADD COLUMN watermark timestamptz;
    DROP INDEX survey_response_org_ingest_xid_idx;
    DROP INDEX operational_event_org_ingest_xid_idx;
    ALTER TABLE survey_response DROP COLUMN ingest_xid;
    ALTER TABLE operational_event DROP COLUMN ingest_xid;
    CREATE INDEX survey_response_org_ingested_idx ON survey_response (organisation_id, ingested_at);
    CREATE INDEX operational_event_org_ingested_idx ON operational_event (organisation_id, ingested_at);
`;

// One statement per call: the embedded database prepares each, and a prepared statement holds one.
async function run(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, UP);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, DOWN);
}
