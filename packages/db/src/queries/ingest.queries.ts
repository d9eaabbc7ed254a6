import { sql } from 'kysely';
import type { OperationalEvent, SurveyResponse } from '@throughline/domain';
import type { Db } from '../database.ts';

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
 * Stores a validated batch in one statement; rows already known by (source, external_id) are
 * left as they are. Returns how many were new.
 */
export async function insertSurveyResponses(db: Db, organisationId: string, rows: readonly SurveyResponse[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: SurveyResponse) => T) => rows.map(pick);
  const result = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO survey_response
        (organisation_id, source, external_id, instrument, score, customer_id, journey_id, step_id, channel, segment, verbatim, occurred_at)
      SELECT ${organisationId}, * FROM unnest(
        ${col((r) => r.source)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.instrument)}::text[],
        ${col((r) => r.score)}::smallint[], ${col((r) => r.customerId)}::text[], ${col((r) => r.journeyId)}::uuid[],
        ${col((r) => r.stepId)}::uuid[], ${col((r) => r.channel)}::text[], ${col((r) => r.segment)}::text[],
        ${col((r) => r.verbatim)}::text[], ${col((r) => r.occurredAt.toISOString())}::timestamptz[])
      ON CONFLICT (organisation_id, source, external_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Stores a validated batch of operational events in one statement, like survey responses. */
export async function insertOperationalEventBatch(db: Db, organisationId: string, rows: readonly OperationalEvent[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: OperationalEvent) => T) => rows.map(pick);
  const result = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO operational_event
        (organisation_id, source, external_id, type, value, customer_id, journey_id, step_id, attributes, occurred_at)
      SELECT ${organisationId}, * FROM unnest(
        ${col((r) => r.source)}::text[], ${col((r) => r.externalId)}::text[], ${col((r) => r.type)}::text[],
        ${col((r) => r.value)}::float8[], ${col((r) => r.customerId)}::text[], ${col((r) => r.journeyId)}::uuid[],
        ${col((r) => r.stepId)}::uuid[], ${col((r) => JSON.stringify(r.attributes))}::jsonb[],
        ${col((r) => r.occurredAt.toISOString())}::timestamptz[])
      ON CONFLICT (organisation_id, source, external_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(db);
  return result.rows[0]?.n ?? 0;
}
