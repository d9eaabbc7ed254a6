import { sql } from 'kysely';
import { DomainError, notFound, outcomeLimitReason, outcomeStatus, type Outcome, type OutcomeInput } from '@throughline/domain';
import type { Db } from '../database.ts';
import { requireOwnedId } from './owned-ids.ts';
import { updateAtVersion } from './versioned-update.ts';

/** Each KPI's value in its latest period, all segments together. */
export function latestKpiValues(db: Db, organisationId: string) {
  return db
    .selectFrom('kpi_result as r')
    .innerJoin('kpi as k', (j) => j.onRef('k.id', '=', 'r.kpi_id').onRef('k.grain', '=', 'r.grain'))
    .distinctOn('r.kpi_id')
    .select(['r.kpi_id as kpiId', 'r.value', 'r.n', 'r.ci_low as ciLow', 'r.ci_high as ciHigh', 'r.method', 'r.small_sample as smallSample', sql<string>`to_char(r.period_start, 'YYYY-MM-DD')`.as('periodStart')])
    .where('r.organisation_id', '=', organisationId)
    .where('r.segment', '=', '')
    .orderBy('r.kpi_id')
    .orderBy('r.period_start', 'desc');
}

export async function listOutcomes(db: Db, organisationId: string, filter: { journeyId?: string | undefined; ids?: readonly string[] }, today: string): Promise<Outcome[]> {
  let query = db
    .selectFrom('outcome as o')
    .innerJoin('kpi as k', 'k.id', 'o.kpi_id')
    .leftJoin(latestKpiValues(db, organisationId).as('latest'), 'latest.kpiId', 'o.kpi_id')
    .select([
      'o.id',
      'o.journey_id as journeyId',
      'o.kpi_id as kpiId',
      'k.name as kpiName',
      'k.unit as kpiUnit',
      'k.direction',
      'o.title',
      'o.baseline',
      'o.target',
      sql<string>`to_char(o.by_date, 'YYYY-MM-DD')`.as('byDate'),
      sql<string>`to_char(o.created_at, 'YYYY-MM-DD')`.as('startedOn'),
      'latest.value as current',
      'o.version',
    ])
    .where('o.organisation_id', '=', organisationId);
  if (filter.journeyId) query = query.where('o.journey_id', '=', filter.journeyId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('o.id', 'in', [...filter.ids]);
  }
  const rows = await query.orderBy('o.by_date').orderBy('o.title').execute();
  return rows.map(({ startedOn, current, ...o }) => ({ ...o, current: current ?? null, status: outcomeStatus(o, current ?? null, today, startedOn) }));
}

async function checkKpi(db: Db, organisationId: string, journeyId: string, kpiId: string) {
  await requireOwnedId(db, organisationId, 'kpi', kpiId, 'kpiId', 'a KPI');
  const kpi = await db.selectFrom('kpi').select('journey_id').where('id', '=', kpiId).executeTakeFirstOrThrow();
  if (kpi.journey_id !== null && kpi.journey_id !== journeyId) {
    throw new DomainError('BAD_REQUEST', 'An outcome is measured by a KPI of its own journey or of the whole organisation', [{ path: 'kpiId', message: 'measures another journey' }]);
  }
}

/**
 * Adds an outcome while the journey has fewer than five. The journey's row is locked first so two
 * people adding the fifth and sixth at once cannot both succeed.
 */
export async function createOutcome(db: Db, organisationId: string, input: OutcomeInput, today: string): Promise<Outcome> {
  const journey = await db.selectFrom('journey').select('id').where('organisation_id', '=', organisationId).where('id', '=', input.journeyId).forUpdate().executeTakeFirst();
  if (!journey) throw new DomainError('BAD_REQUEST', 'The journey is not one of this organisation’s', [{ path: 'journeyId', message: 'is not a journey here' }]);
  await checkKpi(db, organisationId, input.journeyId, input.kpiId);
  const { count } = await db.selectFrom('outcome').select(sql<number>`count(*)::int`.as('count')).where('journey_id', '=', input.journeyId).executeTakeFirstOrThrow();
  const refusal = outcomeLimitReason(count);
  if (refusal) throw new DomainError('PRECONDITION_FAILED', refusal, [{ path: 'journeyId', message: 'already has five outcomes' }]);
  const { id } = await db
    .insertInto('outcome')
    .values({ organisation_id: organisationId, journey_id: input.journeyId, kpi_id: input.kpiId, title: input.title, baseline: input.baseline, target: input.target, by_date: input.byDate })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listOutcomes(db, organisationId, { ids: [id] }, today))[0]!;
}

export async function getOutcome(db: Db, organisationId: string, id: string, today: string): Promise<Outcome> {
  const [row] = await listOutcomes(db, organisationId, { ids: [id] }, today);
  if (!row) throw notFound('Outcome');
  return row;
}

export async function updateOutcome(db: Db, organisationId: string, input: Omit<OutcomeInput, 'journeyId'> & { id: string; version: number }, today: string): Promise<Outcome> {
  const before = await getOutcome(db, organisationId, input.id, today);
  await checkKpi(db, organisationId, before.journeyId, input.kpiId);
  await updateAtVersion(db, 'outcome', { organisationId, ...input }, { kpi_id: input.kpiId, title: input.title, baseline: input.baseline, target: input.target, by_date: input.byDate }, 'The outcome');
  return getOutcome(db, organisationId, input.id, today);
}

export async function deleteOutcome(db: Db, organisationId: string, id: string): Promise<void> {
  const row = await db.deleteFrom('outcome').where('organisation_id', '=', organisationId).where('id', '=', id).returning('id').executeTakeFirst();
  if (!row) throw notFound('Outcome');
}
