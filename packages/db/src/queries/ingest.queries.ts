import { sql, type RawBuilder } from 'kysely';
import type { OperationalEvent, SurveyResponse } from '@throughline/domain';
import type { Db } from '../database.ts';
import { uniqueViolation } from './constraint-errors.ts';

/** Which of these journey and step ids are not this organisation's. */
export async function unknownJourneyRefs(db: Db, organisationId: string, journeyIds: string[], stepIds: string[]) {
  const [journeys, steps] = await Promise.all([
    journeyIds.length
      ? db.selectFrom('journey').select('id').where('organisation_id', '=', organisationId).where('id', 'in', journeyIds).execute()
      : [],
    stepIds.length
      ? db.selectFrom('journey_step').select('id').where('organisation_id', '=', organisationId).where('id', 'in', stepIds).execute()
      : [],
  ]);
  const knownJourneys = new Set(journeys.map((j) => j.id));
  const knownSteps = new Set(steps.map((s) => s.id));
  return {
    journeys: new Set(journeyIds.filter((id) => !knownJourneys.has(id))),
    steps: new Set(stepIds.filter((id) => !knownSteps.has(id))),
  };
}

/**
 * Stores a validated batch, one array per column; rows already known by (source, external_id)
 * are left as they are. Returns how many were new. Call it inside a transaction.
 */
export async function insertSurveyResponses(db: Db, organisationId: string, rows: readonly SurveyResponse[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: SurveyResponse) => T) => rows.map(pick);
  return insertNewOrSkipKnown(
    db,
    sql`
      INSERT INTO survey_response
        (organisation_id, source, external_id, instrument, score, scale, customer_id, journey_id, step_id, channel, segment, verbatim, occurred_at)
      SELECT ${organisationId}, * FROM unnest(
        ${col((r) => r.source)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.instrument)}::text[],
        ${col((r) => r.score)}::smallint[], ${col((r) => r.scale ?? null)}::smallint[], ${col((r) => r.customerId)}::text[], ${col((r) => r.journeyId)}::uuid[],
        ${col((r) => r.stepId)}::uuid[], ${col((r) => r.channel)}::text[], ${col((r) => r.segment)}::text[],
        ${col((r) => r.verbatim)}::text[], ${col((r) => r.occurredAt.toISOString())}::timestamptz[])`,
  );
}

/** Stores a validated batch of operational events, like survey responses. Call it inside a transaction. */
export async function insertOperationalEventBatch(db: Db, organisationId: string, rows: readonly OperationalEvent[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: OperationalEvent) => T) => rows.map(pick);
  return insertNewOrSkipKnown(
    db,
    sql`
      INSERT INTO operational_event
        (organisation_id, source, external_id, type, value, customer_id, journey_id, step_id, attributes, occurred_at)
      SELECT ${organisationId}, * FROM unnest(
        ${col((r) => r.source)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.type)}::text[],
        ${col((r) => r.value)}::float8[], ${col((r) => r.customerId)}::text[], ${col((r) => r.journeyId)}::uuid[],
        ${col((r) => r.stepId)}::uuid[], ${col((r) => JSON.stringify(r.attributes))}::jsonb[],
        ${col((r) => r.occurredAt.toISOString())}::timestamptz[])`,
  );
}

/**
 * Runs `insert` so that keys already stored are skipped, and returns how many rows it stored.
 *
 * New rows go in with a plain INSERT, which costs PostgreSQL about what COPY does; ON CONFLICT's
 * speculative insertion costs about a quarter more per row. Only a batch holding a known key (a
 * re-send, a repeat within the batch, or the same key from a concurrent call, which the INSERT
 * waits for as ON CONFLICT would) makes it fail; that is undone to a savepoint and the batch
 * goes in again with ON CONFLICT DO NOTHING. Either way the batch is stored whole, each key once;
 * only such a batch pays twice. The count is the statement's own, with no RETURNING set to build.
 */
async function insertNewOrSkipKnown(db: Db, insert: RawBuilder<unknown>): Promise<number> {
  if (!db.isTransaction) throw new Error('insertNewOrSkipKnown needs a transaction: its fallback rolls back to a savepoint');
  await sql`SAVEPOINT ingest_new_rows`.execute(db);
  try {
    const stored = insertedCount((await insert.execute(db)).numAffectedRows);
    await sql`RELEASE SAVEPOINT ingest_new_rows`.execute(db);
    return stored;
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
  }
  await sql`ROLLBACK TO SAVEPOINT ingest_new_rows`.execute(db);
  const stored = insertedCount(
    (await sql`${insert} ON CONFLICT (organisation_id, source, external_id) DO NOTHING`.execute(db)).numAffectedRows,
  );
  await sql`RELEASE SAVEPOINT ingest_new_rows`.execute(db);
  return stored;
}

/** Both drivers report an INSERT's stored rows; a missing count would be a driver fault, not zero. */
function insertedCount(n: bigint | undefined): number {
  if (n === undefined) throw new Error('the database did not say how many rows the INSERT stored');
  return Number(n);
}
