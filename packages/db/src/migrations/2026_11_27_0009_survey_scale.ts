import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The scale a survey answer was given on, for CSAT asked on 1–7; null is the instrument's usual
// scale, so every answer stored before this keeps its meaning.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE survey_response ADD COLUMN scale smallint CHECK (scale IN (5, 7, 10))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE survey_response DROP COLUMN scale`.execute(db);
}
