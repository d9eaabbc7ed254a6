import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Headline counts for the organisation's home page. */
export async function getOrganisationOverview(db: Db, organisationId: string) {
  const count = (table: 'team' | 'journey' | 'system' | 'policy' | 'kpi' | 'survey_response' | 'operational_event') =>
    db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  const [teams, journeys, systems, policies, kpis, surveyResponses, operationalEvents, freshness] = await Promise.all([
    count('team'),
    count('journey'),
    count('system'),
    count('policy'),
    count('kpi'),
    count('survey_response'),
    count('operational_event'),
    db.selectFrom('data_freshness').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst(),
  ]);
  return {
    teams,
    journeys,
    systems,
    policies,
    kpis,
    surveyResponses,
    operationalEvents,
    freshness: freshness
      ? {
          checkedAt: freshness.checked_at,
          latestSurveyAt: freshness.latest_survey_at,
          latestEventAt: freshness.latest_event_at,
          staleSourceCount: (freshness.stale_sources as unknown[]).length,
        }
      : null,
  };
}
