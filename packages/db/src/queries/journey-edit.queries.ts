import { sql, type Selectable } from 'kysely';
import { DomainError, moveInList, notFound, type Channel, type JourneyInput } from '@throughline/domain';
import type { Db } from '../database.ts';
import type { DB } from '../schema.ts';
import { uniqueAs } from './constraint-errors.ts';
import { updateAtVersion } from './versioned-row.ts';

/** A journey's own fields, without what is counted or joined for the pages. */
export type SavedJourney = JourneyInput & { id: string; version: number };

/** A stage and where it sits. */
export interface StageOfJourney {
  id: string;
  journeyId: string;
  name: string;
  position: number;
}

/** A step as stored: where it sits and its blueprint lanes (its systems and dependencies are kept beside it). */
export interface StepOfJourney {
  id: string;
  journeyId: string;
  stageId: string;
  name: string;
  channel: Channel;
  position: number;
  customerAction: string;
  frontstage: string;
  backstage: string;
  supportProcesses: string;
  evidence: string;
  version: number;
}

const toJourney = (r: Selectable<DB['journey']>): SavedJourney => ({
  id: r.id,
  name: r.name,
  description: r.description,
  personas: r.personas,
  version: r.version,
});

const toStage = (r: Selectable<DB['journey_stage']>): StageOfJourney => ({
  id: r.id,
  journeyId: r.journey_id,
  name: r.name,
  position: r.position,
});

export const toStep = (r: Selectable<DB['journey_step']>): StepOfJourney => ({
  id: r.id,
  journeyId: r.journey_id,
  stageId: r.stage_id,
  name: r.name,
  channel: r.channel as Channel,
  position: r.position,
  customerAction: r.customer_action,
  frontstage: r.frontstage,
  backstage: r.backstage,
  supportProcesses: r.support_processes,
  evidence: r.evidence,
  version: r.version,
});

const nameTaken = () =>
  new DomainError('CONFLICT', 'A journey with this name already exists', [{ path: 'name', message: 'is already used by another journey' }]);

export async function createJourney(db: Db, organisationId: string, input: JourneyInput): Promise<SavedJourney> {
  const row = await db
    .insertInto('journey')
    .values({ organisation_id: organisationId, name: input.name, description: input.description, personas: input.personas })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(uniqueAs(nameTaken));
  return toJourney(row);
}

export async function updateJourney(
  db: Db,
  organisationId: string,
  input: JourneyInput & { id: string; version: number },
): Promise<{ before: SavedJourney; after: SavedJourney }> {
  const before = await db
    .selectFrom('journey')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!before) throw notFound('Journey');
  const after = await updateAtVersion(
    db,
    'journey',
    { organisationId, ...input },
    { name: input.name, description: input.description, personas: input.personas },
  ).catch(uniqueAs(nameTaken));
  return { before: toJourney(before), after: toJourney(after) };
}

/**
 * Claims the journey for a structural edit: bumps its version if it is still `expected`,
 * and locks its row until the transaction ends, so structural edits of one journey queue up.
 */
export async function claimJourneyVersion(db: Db, organisationId: string, journeyId: string, expected: number): Promise<number> {
  return (await updateAtVersion(db, 'journey', { organisationId, id: journeyId, version: expected }, {})).version;
}

export async function findStage(db: Db, organisationId: string, stageId: string): Promise<StageOfJourney> {
  const stage = await db
    .selectFrom('journey_stage')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', stageId)
    .executeTakeFirst();
  if (!stage) throw notFound('Stage');
  return toStage(stage);
}

async function stageIds(db: Db, journeyId: string): Promise<string[]> {
  const rows = await db.selectFrom('journey_stage').select('id').where('journey_id', '=', journeyId).orderBy('position').execute();
  return rows.map((r) => r.id);
}

async function stepIdsOf(db: Db, stageId: string): Promise<string[]> {
  const rows = await db.selectFrom('journey_step').select('id').where('stage_id', '=', stageId).orderBy('position').execute();
  return rows.map((r) => r.id);
}

/** Writes positions 0..n-1 in the given order, in one statement (the unique index is deferred). */
async function writeStagePositions(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE journey_stage s SET position = v.pos - 1
            FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS v(id, pos) WHERE s.id = v.id`.execute(db);
}

async function writeStepPositions(db: Db, stageId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE journey_step s SET position = v.pos - 1, stage_id = ${stageId}
            FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS v(id, pos) WHERE s.id = v.id`.execute(db);
}

export async function addStage(db: Db, organisationId: string, journeyId: string, name: string): Promise<StageOfJourney> {
  const ids = await stageIds(db, journeyId);
  const row = await db
    .insertInto('journey_stage')
    .values({ organisation_id: organisationId, journey_id: journeyId, name, position: ids.length })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStage(row);
}

export async function renameStage(db: Db, stageId: string, name: string): Promise<StageOfJourney> {
  return toStage(await db.updateTable('journey_stage').set({ name }).where('id', '=', stageId).returningAll().executeTakeFirstOrThrow());
}

export async function moveStage(db: Db, journeyId: string, stageId: string, toPosition: number): Promise<string[]> {
  const order = moveInList(await stageIds(db, journeyId), stageId, toPosition);
  await writeStagePositions(db, order);
  return order;
}

/** Removes an empty stage; a stage with steps is refused, so no step is lost by accident. */
export async function removeStage(db: Db, journeyId: string, stageId: string): Promise<void> {
  const steps = await stepIdsOf(db, stageId);
  if (steps.length > 0) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `This stage still has ${steps.length === 1 ? 'a step' : `${steps.length} steps`}: move or remove ${steps.length === 1 ? 'it' : 'them'} first`,
    );
  }
  await db.deleteFrom('journey_stage').where('id', '=', stageId).execute();
  await writeStagePositions(db, await stageIds(db, journeyId));
}

export async function addStep(
  db: Db,
  organisationId: string,
  stage: { id: string; journeyId: string },
  input: { name: string; channel: string; position?: number | undefined },
): Promise<StepOfJourney> {
  const existing = await stepIdsOf(db, stage.id);
  const step = await db
    .insertInto('journey_step')
    .values({
      organisation_id: organisationId,
      journey_id: stage.journeyId,
      stage_id: stage.id,
      name: input.name,
      channel: input.channel,
      position: existing.length,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.position !== undefined && input.position < existing.length) {
    await writeStepPositions(db, stage.id, moveInList([...existing, step.id], step.id, input.position));
  }
  return toStep(step);
}

/** Moves a step within its stage or into another stage of the same journey. */
export async function moveStep(db: Db, step: { id: string; stageId: string }, toStageId: string, toPosition: number): Promise<void> {
  if (toStageId === step.stageId) {
    await writeStepPositions(db, toStageId, moveInList(await stepIdsOf(db, toStageId), step.id, toPosition));
    return;
  }
  const source = (await stepIdsOf(db, step.stageId)).filter((id) => id !== step.id);
  const target = moveInList(await stepIdsOf(db, toStageId), step.id, toPosition);
  // Park the step out of the way of both stages' positions, then renumber each stage.
  await db.updateTable('journey_step').set({ position: 100_000 }).where('id', '=', step.id).execute();
  await writeStepPositions(db, step.stageId, source);
  await writeStepPositions(db, toStageId, target);
}

export async function removeStep(db: Db, step: { id: string; stageId: string }): Promise<void> {
  await db.deleteFrom('journey_step').where('id', '=', step.id).execute();
  await writeStepPositions(db, step.stageId, await stepIdsOf(db, step.stageId));
}

/** Replaces a step's systems; every system must be this organisation's. */
export async function setStepSystems(db: Db, organisationId: string, stepId: string, systemIds: readonly string[]): Promise<void> {
  await db.deleteFrom('step_system').where('step_id', '=', stepId).execute();
  if (systemIds.length === 0) return;
  const found = await db
    .selectFrom('system')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', systemIds)
    .execute();
  if (found.length !== new Set(systemIds).size) {
    throw new DomainError('BAD_REQUEST', 'A system named is not one of this organisation’s', [
      { path: 'systemIds', message: 'contains an unknown system' },
    ]);
  }
  await db
    .insertInto('step_system')
    .values([...new Set(systemIds)].map((system_id) => ({ organisation_id: organisationId, step_id: stepId, system_id })))
    .execute();
}

/** Replaces what a step depends on; only other steps of the same journey qualify. */
export async function setStepDependencies(
  db: Db,
  organisationId: string,
  step: { id: string; journeyId: string },
  dependsOn: readonly string[],
): Promise<void> {
  await db.deleteFrom('step_dependency').where('step_id', '=', step.id).execute();
  const ids = [...new Set(dependsOn)];
  if (ids.length === 0) return;
  if (ids.includes(step.id))
    throw new DomainError('BAD_REQUEST', 'A step cannot depend on itself', [
      { path: 'dependsOnStepIds', message: 'contains the step itself' },
    ]);
  const found = await db.selectFrom('journey_step').select('id').where('journey_id', '=', step.journeyId).where('id', 'in', ids).execute();
  if (found.length !== ids.length) {
    throw new DomainError('BAD_REQUEST', 'A step can depend only on steps of the same journey', [
      { path: 'dependsOnStepIds', message: 'contains a step outside this journey' },
    ]);
  }
  await db
    .insertInto('step_dependency')
    .values(ids.map((depends_on_step_id) => ({ organisation_id: organisationId, step_id: step.id, depends_on_step_id })))
    .execute();
}
