import { sql } from 'kysely';
import {
  notFound,
  type Channel,
  type Journey,
  type JourneyBlueprint,
  type JourneySummary,
  type StepName,
  type StepUpdateInput,
} from '@throughline/domain';
import type { Db } from '../database.ts';
import { setStepDependencies, setStepSystems, toStep, type StepOfJourney } from './journey-edit.queries.ts';
import { listRemits } from './remit.queries.ts';
import { listSystems } from './system.queries.ts';
import { updateAtVersion } from './versioned-row.ts';

/** Every step's name, for views that name the steps KPIs are scoped to: one statement for the whole organisation. */
export async function listStepNames(db: Db, organisationId: string): Promise<StepName[]> {
  return db
    .selectFrom('journey_step')
    .select(['id', 'name', 'journey_id as journeyId'])
    .where('organisation_id', '=', organisationId)
    .orderBy('journey_id')
    .orderBy('position')
    .execute();
}

export async function listJourneys(db: Db, organisationId: string, only?: { journeyId: string }): Promise<JourneySummary[]> {
  let query = db
    .selectFrom('journey')
    .leftJoin('remit', (j) => j.onRef('remit.journey_id', '=', 'journey.id').on('remit.role', '=', 'accountable'))
    .leftJoin('team', 'team.id', 'remit.team_id')
    .select((eb) => [
      'journey.id',
      'journey.name',
      'journey.description',
      'journey.personas',
      'journey.version',
      'team.id as accountableTeamId',
      'team.name as accountableTeamName',
      eb
        .selectFrom('journey_stage')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('journey_stage.journey_id', '=', 'journey.id')
        .as('stageCount'),
      eb
        .selectFrom('journey_step')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('journey_step.journey_id', '=', 'journey.id')
        .as('stepCount'),
    ])
    .where('journey.organisation_id', '=', organisationId);
  if (only) query = query.where('journey.id', '=', only.journeyId);
  const rows = await query.orderBy('journey.name').execute();
  return rows.map((r) => ({ ...r, stageCount: r.stageCount ?? 0, stepCount: r.stepCount ?? 0 }));
}

/**
 * The journey's blueprint page: the journey, the organisation's systems and the remits over the
 * journey, in seven statements however many stages, steps and systems it has.
 */
export async function journeyBlueprint(db: Db, organisationId: string, journeyId: string): Promise<JourneyBlueprint> {
  const [journey, systems, remits] = await Promise.all([
    getJourney(db, organisationId, journeyId),
    listSystems(db, organisationId),
    listRemits(db, organisationId, { journeyId }),
  ]);
  return { journey, systems, remits };
}

/** One journey with its stages, steps and each step's blueprint, in order: five statements. */
export async function getJourney(db: Db, organisationId: string, journeyId: string): Promise<Journey> {
  const [[summary], stages, steps, systems, deps] = await Promise.all([
    listJourneys(db, organisationId, { journeyId }),
    db
      .selectFrom('journey_stage')
      .select(['id', 'name', 'position'])
      .where('organisation_id', '=', organisationId)
      .where('journey_id', '=', journeyId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('journey_step')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('journey_id', '=', journeyId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('step_system')
      .innerJoin('journey_step', 'journey_step.id', 'step_system.step_id')
      .select(['step_system.step_id', 'step_system.system_id'])
      .where('step_system.organisation_id', '=', organisationId)
      .where('journey_step.journey_id', '=', journeyId)
      .execute(),
    db
      .selectFrom('step_dependency')
      .innerJoin('journey_step', 'journey_step.id', 'step_dependency.step_id')
      .select(['step_dependency.step_id', 'step_dependency.depends_on_step_id'])
      .where('step_dependency.organisation_id', '=', organisationId)
      .where('journey_step.journey_id', '=', journeyId)
      .execute(),
  ]);
  if (!summary) throw notFound('Journey');
  const idsBy = (rows: { step_id: string }[], pick: (r: never) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.step_id, [...(m.get(r.step_id) ?? []), pick(r as never)]);
    return m;
  };
  const systemsByStep = idsBy(systems, (r: { system_id: string }) => r.system_id);
  const depsByStep = idsBy(deps, (r: { depends_on_step_id: string }) => r.depends_on_step_id);
  return {
    ...summary,
    stages: stages.map((stage) => ({
      ...stage,
      steps: steps
        .filter((s) => s.stage_id === stage.id)
        .map((s) => ({
          id: s.id,
          stageId: s.stage_id,
          name: s.name,
          channel: s.channel as Channel,
          position: s.position,
          blueprint: {
            customerAction: s.customer_action,
            frontstage: s.frontstage,
            backstage: s.backstage,
            supportProcesses: s.support_processes,
            evidence: s.evidence,
            systemIds: systemsByStep.get(s.id) ?? [],
          },
          dependsOnStepIds: depsByStep.get(s.id) ?? [],
          version: s.version,
        })),
    })),
  };
}

/** The step where it sits, or undefined when the step is not this organisation's. */
export async function findStepJourney(db: Db, organisationId: string, stepId: string): Promise<StepOfJourney | undefined> {
  const row = await db
    .selectFrom('journey_step')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', stepId)
    .executeTakeFirst();
  return row && toStep(row);
}

/** Applies an edit when the step is still at `version`, bumping it. Returns the step before and after. */
export async function updateStep(db: Db, organisationId: string, input: StepUpdateInput) {
  const before = await findStepJourney(db, organisationId, input.stepId);
  if (!before) throw notFound('Step');
  const patch = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.customerAction !== undefined && { customer_action: input.customerAction }),
    ...(input.frontstage !== undefined && { frontstage: input.frontstage }),
    ...(input.backstage !== undefined && { backstage: input.backstage }),
    ...(input.supportProcesses !== undefined && { support_processes: input.supportProcesses }),
    ...(input.evidence !== undefined && { evidence: input.evidence }),
  };
  const after = toStep(await updateAtVersion(db, 'journey_step', { organisationId, id: input.stepId, version: input.version }, patch));
  if (input.systemIds) await setStepSystems(db, organisationId, input.stepId, input.systemIds);
  if (input.dependsOnStepIds) await setStepDependencies(db, organisationId, after, input.dependsOnStepIds);
  return {
    before,
    after: {
      ...after,
      ...(input.systemIds && { systemIds: input.systemIds }),
      ...(input.dependsOnStepIds && { dependsOnStepIds: input.dependsOnStepIds }),
    },
  };
}
