import { sql } from 'kysely';
import { DomainError } from '@throughline/domain';
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

/** The organisation as its settings page shows it. */
export async function getOrganisation(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('organisation')
    .select(['id', 'slug', 'name', 'currency', 'time_zone as timeZone', 'max_token_lifetime_days as maxTokenLifetimeDays'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Sets the time zone whose midnight ends a period. Days are cut at that midnight, so every KPI's
 * rollups are rebuilt: run states are cleared, and each KPI's next run (the minute sweep sends it)
 * is a full one.
 */
export async function setOrganisationTimeZone(db: Db, organisationId: string, timeZone: string) {
  const before = await getOrganisation(db, organisationId);
  if (before.timeZone === timeZone) return { before, after: before, recompute: false };
  // The database cuts the days, so it must know the zone too (its time-zone data may differ from Node's).
  const { rows } = await sql<{ known: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${timeZone}) AS known`.execute(
    db,
  );
  if (!rows[0]?.known)
    throw new DomainError('BAD_REQUEST', `The database does not know the time zone ${timeZone}`, [
      { path: 'timeZone', message: 'is not a time zone the database knows' },
    ]);
  await db.updateTable('organisation').set({ time_zone: timeZone }).where('id', '=', organisationId).execute();
  await db.deleteFrom('kpi_run_state').where('organisation_id', '=', organisationId).execute();
  return { before, after: await getOrganisation(db, organisationId), recompute: true };
}

/** Sets the longest lifetime new API tokens may have (null: no limit). */
export async function setMaxTokenLifetime(db: Db, organisationId: string, days: number | null): Promise<void> {
  await db.updateTable('organisation').set({ max_token_lifetime_days: days }).where('id', '=', organisationId).execute();
}
