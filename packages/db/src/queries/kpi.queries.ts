import {
  DEFAULT_MIN_SAMPLE,
  DomainError,
  notFound,
  ZKpiSource,
  type KpiDefinition,
  type KpiInput,
  type KpiScope,
} from '@throughline/domain';

/** A KPI to store: the minimum sample and the value's reason may be left to their defaults. */
export type KpiDraft = Omit<KpiInput, 'minSample' | 'valuePerPointReason'> & Partial<Pick<KpiInput, 'minSample' | 'valuePerPointReason'>>;
import type { Db } from '../database.ts';
import { uniqueAs } from './constraint-errors.ts';
import { updateAtVersion } from './versioned-row.ts';

export async function listKpis(db: Db, organisationId: string, only?: { kpiId: string }): Promise<KpiDefinition[]> {
  let query = db.selectFrom('kpi').selectAll().where('organisation_id', '=', organisationId);
  if (only) query = query.where('id', '=', only.kpiId);
  const rows = await query.orderBy('key').execute();
  return rows.map((r) => {
    const scope: KpiScope =
      r.scope_level === 'organisation'
        ? { level: 'organisation' }
        : r.scope_level === 'journey'
          ? { level: 'journey', journeyId: r.journey_id! }
          : { level: 'step', journeyId: r.journey_id!, stepId: r.step_id! };
    return {
      id: r.id,
      key: r.key,
      name: r.name,
      description: r.description,
      unit: r.unit,
      kind: r.kind as KpiDefinition['kind'],
      source: ZKpiSource.parse(r.source),
      scope,
      ownerTeamId: r.owner_team_id,
      direction: r.direction,
      target: r.target,
      threshold: r.threshold,
      grain: r.grain,
      schedule: r.schedule,
      valuePerPoint: r.value_per_point,
      valuePerPointReason: r.value_per_point_reason,
      minSample: r.min_sample,
      version: r.version,
    };
  });
}

export async function getKpi(db: Db, organisationId: string, kpiId: string): Promise<KpiDefinition> {
  const [kpi] = await listKpis(db, organisationId, { kpiId });
  if (!kpi) throw notFound('KPI');
  return kpi;
}

/** The scope and owner must be this organisation's, and a step must lie in the journey named. */
async function checkKpiLinks(db: Db, organisationId: string, input: KpiDraft): Promise<void> {
  if (input.ownerTeamId) {
    const team = await db
      .selectFrom('team')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.ownerTeamId)
      .executeTakeFirst();
    if (!team)
      throw new DomainError('BAD_REQUEST', 'The owner team is not one of this organisation’s', [
        { path: 'ownerTeamId', message: 'is not a team here' },
      ]);
  }
  if (input.scope.level === 'organisation') return;
  const journey = await db
    .selectFrom('journey')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', input.scope.journeyId)
    .executeTakeFirst();
  if (!journey)
    throw new DomainError('BAD_REQUEST', 'The journey is not one of this organisation’s', [
      { path: 'scope.journeyId', message: 'is not a journey here' },
    ]);
  if (input.scope.level === 'step') {
    const step = await db
      .selectFrom('journey_step')
      .select('id')
      .where('journey_id', '=', input.scope.journeyId)
      .where('id', '=', input.scope.stepId)
      .executeTakeFirst();
    if (!step)
      throw new DomainError('BAD_REQUEST', 'The step is not in that journey', [
        { path: 'scope.stepId', message: 'is not a step of the journey' },
      ]);
  }
}

const columns = (k: KpiDraft) => ({
  key: k.key,
  name: k.name,
  description: k.description,
  unit: k.unit,
  kind: k.kind,
  source: JSON.stringify(k.source),
  scope_level: k.scope.level,
  journey_id: k.scope.level === 'organisation' ? null : k.scope.journeyId,
  step_id: k.scope.level === 'step' ? k.scope.stepId : null,
  owner_team_id: k.ownerTeamId,
  direction: k.direction,
  target: k.target,
  threshold: k.threshold,
  grain: k.grain,
  schedule: k.schedule,
  value_per_point: k.valuePerPoint,
  // A reason only means something beside an entered value.
  value_per_point_reason: k.valuePerPoint === null ? null : k.valuePerPointReason || null,
  min_sample: k.minSample ?? DEFAULT_MIN_SAMPLE,
});

const keyTaken = () =>
  new DomainError('CONFLICT', 'A KPI with this key already exists', [{ path: 'key', message: 'is already used by another KPI' }]);

export async function createKpi(db: Db, organisationId: string, input: KpiDraft): Promise<KpiDefinition> {
  await checkKpiLinks(db, organisationId, input);
  const { id } = await db
    .insertInto('kpi')
    .values({ organisation_id: organisationId, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(uniqueAs(keyTaken));
  return getKpi(db, organisationId, id);
}

export async function updateKpi(db: Db, organisationId: string, update: KpiDraft & { id: string; version: number }) {
  const before = await getKpi(db, organisationId, update.id);
  // What the update does not name stays as it was.
  const input = {
    ...update,
    minSample: update.minSample ?? before.minSample,
    valuePerPointReason: update.valuePerPointReason === undefined ? before.valuePerPointReason : update.valuePerPointReason,
  };
  await checkKpiLinks(db, organisationId, input);
  await updateAtVersion(db, 'kpi', { organisationId, ...input }, columns(input)).catch(uniqueAs(keyTaken));
  return { before, after: await getKpi(db, organisationId, input.id) };
}
