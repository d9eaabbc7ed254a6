import { DomainError, notFound, type Remit, type RemitInput, type RemitView } from '@throughline/domain';
import type { Db } from '../database.ts';
import { uniqueViolation } from './constraint-errors.ts';

const remitColumns = ['id', 'journey_id as journeyId', 'team_id as teamId', 'role'] as const;

export async function listRemits(db: Db, organisationId: string, only?: { journeyId: string }): Promise<RemitView[]> {
  let query = db
    .selectFrom('remit')
    .innerJoin('team', 'team.id', 'remit.team_id')
    .innerJoin('journey', 'journey.id', 'remit.journey_id')
    .select((eb) => [
      'remit.id',
      'remit.journey_id as journeyId',
      'remit.team_id as teamId',
      'remit.role',
      'team.name as teamName',
      'journey.name as journeyName',
      eb.fn
        .coalesce(
          eb
            .selectFrom('remit_step')
            .select((e) => e.fn.agg<string[]>('array_agg', ['remit_step.step_id']).as('ids'))
            .whereRef('remit_step.remit_id', '=', 'remit.id'),
          eb.val<string[]>([]),
        )
        .as('stepIds'),
    ])
    .where('remit.organisation_id', '=', organisationId);
  if (only) query = query.where('remit.journey_id', '=', only.journeyId);
  const rows = await query.orderBy('journey.name').orderBy('remit.role').orderBy('team.name').execute();
  return rows.map((r) => ({ ...r, role: r.role, stepIds: r.stepIds ?? [] }));
}

/**
 * Gives a team a remit over a journey. The database refuses a second accountable team
 * (a partial unique index), and this turns that into a clear conflict.
 */
export async function addRemit(db: Db, organisationId: string, input: RemitInput): Promise<Remit> {
  const [journey, team] = await Promise.all([
    db
      .selectFrom('journey')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', input.journeyId)
      .executeTakeFirst(),
    db.selectFrom('team').select('id').where('organisation_id', '=', organisationId).where('id', '=', input.teamId).executeTakeFirst(),
  ]);
  if (!journey) throw notFound('Journey');
  if (!team) throw notFound('Team');
  if (input.role === 'accountable' && input.stepIds.length > 0) {
    throw new DomainError('BAD_REQUEST', 'The accountable team owns the whole journey; only contributors are narrowed to steps', [
      { path: 'stepIds', message: 'must be empty for the accountable team' },
    ]);
  }
  let remit;
  try {
    remit = await db
      .insertInto('remit')
      .values({ organisation_id: organisationId, journey_id: input.journeyId, team_id: input.teamId, role: input.role })
      .returning(remitColumns)
      .executeTakeFirstOrThrow();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === 'remit_one_accountable_per_journey') {
      throw new DomainError(
        'CONFLICT',
        'This journey already has an accountable team; a journey has exactly one. Hand over accountability by removing the current owner first.',
        [{ path: 'role', message: 'accountable is taken' }],
      );
    }
    if (constraint !== null)
      throw new DomainError('CONFLICT', 'This team already has a remit over this journey', [
        { path: 'teamId', message: 'already has a remit here' },
      ]);
    throw error;
  }
  const stepIds = [...new Set(input.stepIds)];
  if (stepIds.length > 0) {
    const steps = await db
      .selectFrom('journey_step')
      .select('id')
      .where('journey_id', '=', input.journeyId)
      .where('id', 'in', stepIds)
      .execute();
    if (steps.length !== stepIds.length) {
      throw new DomainError('BAD_REQUEST', 'A contributing remit can cover only steps of its journey', [
        { path: 'stepIds', message: 'contains a step outside this journey' },
      ]);
    }
    await db
      .insertInto('remit_step')
      .values(stepIds.map((step_id) => ({ organisation_id: organisationId, remit_id: remit.id, step_id })))
      .execute();
  }
  return { ...remit, role: input.role, stepIds };
}

/** Takes a team's remit away; returns it as it was, with the steps it covered. */
export async function removeRemit(db: Db, organisationId: string, remitId: string): Promise<Remit> {
  const steps = await db
    .selectFrom('remit_step')
    .select('step_id')
    .where('organisation_id', '=', organisationId)
    .where('remit_id', '=', remitId)
    .orderBy('step_id')
    .execute();
  const remit = await db
    .deleteFrom('remit')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', remitId)
    .returning(remitColumns)
    .executeTakeFirst();
  if (!remit) throw notFound('Remit');
  return { ...remit, role: remit.role, stepIds: steps.map((s) => s.step_id) };
}

/** The teams with a remit over a journey (accountable, or contributing anywhere on it). */
export async function remitTeamIds(db: Db, journeyId: string): Promise<string[]> {
  const rows = await db.selectFrom('remit').select('team_id').where('journey_id', '=', journeyId).execute();
  return rows.map((r) => r.team_id);
}
