import type { Capability, ModelSnapshot } from '@throughline/domain';
import type { Db } from '../database.ts';
import { listPolicies, changeTeamIds } from './policy.queries.ts';
import { listRemits } from './remit.queries.ts';

/** The whole operating model in a handful of queries, for the ownership analysis in `domain`. */
export async function loadModelSnapshot(db: Db, organisationId: string): Promise<ModelSnapshot> {
  const [teams, journeys, steps, stepSystems, remits, systems, kpis, policies] = await Promise.all([
    db.selectFrom('team').select(['id', 'name', 'capabilities']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db.selectFrom('journey').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db
      .selectFrom('journey_step')
      .innerJoin('journey_stage', 'journey_stage.id', 'journey_step.stage_id')
      .select(['journey_step.id', 'journey_step.name', 'journey_step.journey_id'])
      .where('journey_step.organisation_id', '=', organisationId)
      .orderBy('journey_stage.position')
      .orderBy('journey_step.position')
      .execute(),
    db.selectFrom('step_system').select(['step_id', 'system_id']).where('organisation_id', '=', organisationId).execute(),
    listRemits(db, organisationId),
    db.selectFrom('system').select(['id', 'name', 'owner_team_id']).where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db
      .selectFrom('kpi')
      .select(['id', 'key', 'name', 'owner_team_id', 'target'])
      .where('organisation_id', '=', organisationId)
      .orderBy('key')
      .execute(),
    listPolicies(db, organisationId),
  ]);
  const systemsOf = new Map<string, string[]>();
  for (const s of stepSystems) systemsOf.set(s.step_id, [...(systemsOf.get(s.step_id) ?? []), s.system_id]);
  return {
    teams: teams.map((t) => ({ ...t, capabilities: t.capabilities as Capability[] })),
    journeys: journeys.map((j) => ({
      ...j,
      steps: steps.filter((s) => s.journey_id === j.id).map((s) => ({ id: s.id, name: s.name, systemIds: systemsOf.get(s.id) ?? [] })),
    })),
    remits: remits.map((r) => ({ journeyId: r.journeyId, teamId: r.teamId, role: r.role, stepIds: r.stepIds })),
    systems: systems.map((s) => ({ id: s.id, name: s.name, ownerTeamId: s.owner_team_id })),
    kpis: kpis.map((k) => ({ id: k.id, key: k.key, name: k.name, ownerTeamId: k.owner_team_id, target: k.target })),
    policies: policies.map((p) => ({ id: p.id, name: p.name, stepIds: p.stepIds, changeTeamIds: changeTeamIds(p) })),
  };
}
