import { sql } from 'kysely';
import type { DataFreshness } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function listOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organisation').select('id').orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/** The newest event per source across both event streams, for one organisation. */
export async function latestEventPerSource(db: Db, organisationId: string) {
  const { rows } = await sql<{ source: string; stream: 'survey' | 'operational'; latestAt: Date }>`
    SELECT source, 'survey' AS stream, max(occurred_at) AS "latestAt"
      FROM survey_response WHERE organisation_id = ${organisationId} GROUP BY source
    UNION ALL
    SELECT source, 'operational' AS stream, max(occurred_at) AS "latestAt"
      FROM operational_event WHERE organisation_id = ${organisationId} GROUP BY source
  `.execute(db);
  return rows;
}

/** Writes the check's result; running it twice leaves one row with the later result. */
export async function upsertFreshness(db: Db, organisationId: string, f: DataFreshness): Promise<void> {
  const values = {
    organisation_id: organisationId,
    checked_at: f.checkedAt,
    latest_survey_at: f.latestSurveyAt,
    latest_event_at: f.latestEventAt,
    stale_sources: JSON.stringify(f.staleSources),
  };
  await db
    .insertInto('data_freshness')
    .values(values)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

export async function getFreshness(db: Db, organisationId: string) {
  return db.selectFrom('data_freshness').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}
