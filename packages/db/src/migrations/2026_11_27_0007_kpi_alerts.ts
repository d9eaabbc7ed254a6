import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// One alert per KPI, period and kind (threshold or target): recomputing raises it once, and
// marks it resolved when a recompute finds the period no longer in breach.
const UP = `
    CREATE TABLE kpi_alert (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      kpi_id uuid NOT NULL,
      period_start date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('threshold', 'target')),
      value float8 NOT NULL,
      line float8 NOT NULL,
      n int NOT NULL,
      raised_at timestamptz NOT NULL,
      resolved_at timestamptz,
      acknowledged_by text,
      acknowledged_at timestamptz,
      UNIQUE (kpi_id, period_start, kind),
      FOREIGN KEY (organisation_id, kpi_id) REFERENCES kpi(organisation_id, id) ON DELETE CASCADE
    );
    CREATE INDEX kpi_alert_open_idx ON kpi_alert (organisation_id, raised_at DESC) WHERE resolved_at IS NULL
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP.split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TABLE kpi_alert`).execute(db);
}
