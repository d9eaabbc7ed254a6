import { sql } from 'kysely';
import {
  annualCostOfFailure,
  DomainError,
  failureGap,
  notFound,
  rankFailurePoints,
  type FailurePoint,
  type FailurePointInput,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { requireOwnedId, requireOwnedIds } from './owned-ids.ts';
import { updateAtVersion } from './versioned-row.ts';

/** Failure points, costliest first, each with the insights that back it. */
export async function listFailurePoints(
  db: Db,
  organisationId: string,
  filter: { journeyId?: string | undefined; ids?: readonly string[] } = {},
): Promise<FailurePoint[]> {
  let query = db
    .selectFrom('failure_point as f')
    .innerJoin('journey as j', 'j.id', 'f.journey_id')
    .innerJoin('journey_step as s', 's.id', 'f.step_id')
    .select([
      'f.id',
      'f.journey_id as journeyId',
      'j.name as journeyName',
      'f.step_id as stepId',
      's.name as stepName',
      'f.title',
      'f.description',
      'f.expectation',
      'f.capability',
      'f.frequency',
      'f.frequency_period as frequencyPeriod',
      'f.cost_basis as costBasis',
      'f.unit_cost as unitCost',
      'f.version',
      sql<
        string[]
      >`coalesce((SELECT array_agg(k.kpi_id::text ORDER BY k.kpi_id) FROM failure_point_kpi k WHERE k.failure_point_id = f.id), '{}')`.as(
        'kpiIds',
      ),
      sql<number>`(SELECT count(*) FROM insight_link l WHERE l.failure_point_id = f.id)::int`.as('evidenceCount'),
    ])
    .where('f.organisation_id', '=', organisationId);
  if (filter.journeyId) query = query.where('f.journey_id', '=', filter.journeyId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('f.id', 'in', [...filter.ids]);
  }
  const rows = await query.execute();
  return rankFailurePoints(
    rows.map((r) => ({
      ...r,
      costBasis: r.costBasis as FailurePoint['costBasis'],
      gap: failureGap(r),
      annualCost: annualCostOfFailure(r),
    })),
  );
}

export async function getFailurePoint(db: Db, organisationId: string, id: string): Promise<FailurePoint> {
  const [row] = await listFailurePoints(db, organisationId, { ids: [id] });
  if (!row) throw notFound('Failure point');
  return row;
}

async function checkLinks(db: Db, organisationId: string, input: FailurePointInput): Promise<void> {
  await requireOwnedId(db, organisationId, 'journey', input.journeyId, 'journeyId', 'a journey');
  const step = await db
    .selectFrom('journey_step')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('journey_id', '=', input.journeyId)
    .where('id', '=', input.stepId)
    .executeTakeFirst();
  if (!step)
    throw new DomainError('BAD_REQUEST', 'The step is not in that journey', [{ path: 'stepId', message: 'is not a step of the journey' }]);
  await requireOwnedIds(db, organisationId, 'kpi', input.kpiIds, 'kpiIds', 'a KPI');
}

const columns = (i: FailurePointInput) => ({
  journey_id: i.journeyId,
  step_id: i.stepId,
  title: i.title,
  description: i.description,
  expectation: i.expectation,
  capability: i.capability,
  frequency: i.frequency,
  frequency_period: i.frequencyPeriod,
  cost_basis: i.costBasis,
  unit_cost: i.unitCost,
});

async function replaceKpis(db: Db, organisationId: string, id: string, kpiIds: readonly string[]) {
  await db.deleteFrom('failure_point_kpi').where('failure_point_id', '=', id).execute();
  const unique = [...new Set(kpiIds)];
  if (unique.length)
    await db
      .insertInto('failure_point_kpi')
      .values(unique.map((kpi_id) => ({ organisation_id: organisationId, failure_point_id: id, kpi_id })))
      .execute();
}

export async function createFailurePoint(db: Db, organisationId: string, input: FailurePointInput): Promise<FailurePoint> {
  await checkLinks(db, organisationId, input);
  const { id } = await db
    .insertInto('failure_point')
    .values({ organisation_id: organisationId, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceKpis(db, organisationId, id, input.kpiIds);
  return getFailurePoint(db, organisationId, id);
}

export async function updateFailurePoint(
  db: Db,
  organisationId: string,
  input: FailurePointInput & { id: string; version: number },
): Promise<FailurePoint> {
  await getFailurePoint(db, organisationId, input.id);
  await checkLinks(db, organisationId, input);
  await updateAtVersion(db, 'failure_point', { organisationId, ...input }, columns(input));
  await replaceKpis(db, organisationId, input.id, input.kpiIds);
  return getFailurePoint(db, organisationId, input.id);
}

export async function deleteFailurePoint(db: Db, organisationId: string, id: string): Promise<void> {
  const row = await db
    .deleteFrom('failure_point')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Failure point');
}
