import { ZKpiSource, type KpiDefinition, type KpiScope } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function listKpis(db: Db, organisationId: string): Promise<KpiDefinition[]> {
  const rows = await db.selectFrom('kpi').selectAll().where('organisation_id', '=', organisationId).orderBy('key').execute();
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
    };
  });
}
