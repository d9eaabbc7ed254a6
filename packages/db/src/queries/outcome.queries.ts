import { sql } from 'kysely';
import {
  DomainError,
  kpiValue,
  notFound,
  outcomeLimitReason,
  outcomeStatus,
  type KpiAggregate,
  type KpiDefinition,
  type Outcome,
  type OutcomeInput,
} from '@throughline/domain';
import { listKpis } from './kpi.queries.ts';
import { lastCompleteValues, organisationClock } from './kpi-view.queries.ts';
import type { Db } from '../database.ts';
import { requireOwnedId } from './owned-ids.ts';
import { updateAtVersion } from './versioned-row.ts';

/**
 * The organisation's outcomes, each judged on its KPI's last complete period (never the one still
 * running) and only once that period reaches the KPI's minimum sample.
 */
export async function listOutcomes(
  db: Db,
  organisationId: string,
  filter: { journeyId?: string | undefined; ids?: readonly string[] },
  now: Date,
): Promise<Outcome[]> {
  const rows = await outcomeRows(db, organisationId, filter);
  if (rows.length === 0) return [];
  const { today } = await organisationClock(db, organisationId, now);
  const kpis = outcomeKpis(rows, await listKpis(db, organisationId));
  return judgeOutcomes(rows, kpis, await lastCompleteValues(db, kpis, today), today);
}

export type OutcomeRow = Awaited<ReturnType<typeof outcomeRows>>[number];

/** The outcomes as stored, soonest due first; judgeOutcomes adds where each stands. */
export async function outcomeRows(
  db: Db,
  organisationId: string,
  filter: { journeyId?: string | undefined; ids?: readonly string[] } = {},
) {
  let query = db
    .selectFrom('outcome as o')
    .innerJoin('kpi as k', 'k.id', 'o.kpi_id')
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
      'o.version',
    ])
    .where('o.organisation_id', '=', organisationId);
  if (filter.journeyId) query = query.where('o.journey_id', '=', filter.journeyId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('o.id', 'in', [...filter.ids]);
  }
  return query.orderBy('o.by_date').orderBy('o.title').execute();
}

/** The KPIs the outcomes are measured by. */
export function outcomeKpis(rows: readonly OutcomeRow[], kpis: readonly KpiDefinition[]): KpiDefinition[] {
  return kpis.filter((k) => rows.some((r) => r.kpiId === k.id));
}

/** Each outcome with where it stands, from its KPI's last complete period (lastCompleteValues). */
export function judgeOutcomes(
  rows: readonly OutcomeRow[],
  kpis: readonly KpiDefinition[],
  values: Map<string, { total: KpiAggregate }>,
  today: string,
): Outcome[] {
  return rows.map(({ startedOn, ...o }) => {
    const kpi = kpis.find((k) => k.id === o.kpiId)!;
    const total = values.get(o.kpiId)?.total;
    const current = total && total.n > 0 ? kpiValue(kpi.kind, total) : null;
    return {
      ...o,
      current: current?.value ?? null,
      n: current?.n ?? 0,
      minSample: kpi.minSample,
      status: outcomeStatus(o, current, today, startedOn, kpi),
    };
  });
}

async function checkKpi(db: Db, organisationId: string, journeyId: string, kpiId: string) {
  await requireOwnedId(db, organisationId, 'kpi', kpiId, 'kpiId', 'a KPI');
  const kpi = await db.selectFrom('kpi').select('journey_id').where('id', '=', kpiId).executeTakeFirstOrThrow();
  if (kpi.journey_id !== null && kpi.journey_id !== journeyId) {
    throw new DomainError('BAD_REQUEST', 'An outcome is measured by a KPI of its own journey or of the whole organisation', [
      { path: 'kpiId', message: 'measures another journey' },
    ]);
  }
}

/**
 * Adds an outcome while the journey has fewer than five. The journey's row is locked first so two
 * people adding the fifth and sixth at once cannot both succeed.
 */
export async function createOutcome(db: Db, organisationId: string, input: OutcomeInput, now: Date): Promise<Outcome> {
  const journey = await db
    .selectFrom('journey')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', input.journeyId)
    .forUpdate()
    .executeTakeFirst();
  if (!journey)
    throw new DomainError('BAD_REQUEST', 'The journey is not one of this organisation’s', [
      { path: 'journeyId', message: 'is not a journey here' },
    ]);
  await checkKpi(db, organisationId, input.journeyId, input.kpiId);
  const { count } = await db
    .selectFrom('outcome')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('journey_id', '=', input.journeyId)
    .executeTakeFirstOrThrow();
  const refusal = outcomeLimitReason(count);
  if (refusal) throw new DomainError('PRECONDITION_FAILED', refusal, [{ path: 'journeyId', message: 'already has five outcomes' }]);
  const { id } = await db
    .insertInto('outcome')
    .values({
      organisation_id: organisationId,
      journey_id: input.journeyId,
      kpi_id: input.kpiId,
      title: input.title,
      baseline: input.baseline,
      target: input.target,
      by_date: input.byDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listOutcomes(db, organisationId, { ids: [id] }, now))[0]!;
}

export async function getOutcome(db: Db, organisationId: string, id: string, now: Date): Promise<Outcome> {
  const [row] = await listOutcomes(db, organisationId, { ids: [id] }, now);
  if (!row) throw notFound('Outcome');
  return row;
}

export async function updateOutcome(
  db: Db,
  organisationId: string,
  input: Omit<OutcomeInput, 'journeyId'> & { id: string; version: number },
  now: Date,
): Promise<Outcome> {
  const before = await getOutcome(db, organisationId, input.id, now);
  await checkKpi(db, organisationId, before.journeyId, input.kpiId);
  await updateAtVersion(
    db,
    'outcome',
    { organisationId, ...input },
    { kpi_id: input.kpiId, title: input.title, baseline: input.baseline, target: input.target, by_date: input.byDate },
  );
  return getOutcome(db, organisationId, input.id, now);
}

export async function deleteOutcome(db: Db, organisationId: string, id: string): Promise<void> {
  const row = await db
    .deleteFrom('outcome')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('Outcome');
}
