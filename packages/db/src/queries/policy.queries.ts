import { sql } from 'kysely';
import { DomainError, notFound, type Policy, type PolicyInput } from '@throughline/domain';
import type { Db } from '../database.ts';
import { uniqueAs } from './constraint-errors.ts';
import { updateAtVersion } from './versioned-row.ts';

export async function listPolicies(db: Db, organisationId: string, only?: { policyId: string }): Promise<Policy[]> {
  let query = db
    .selectFrom('policy')
    .innerJoin('team', 'team.id', 'policy.owner_team_id')
    .select((eb) => [
      'policy.id',
      'policy.name',
      'policy.statement',
      'policy.owner_team_id as ownerTeamId',
      'team.name as ownerTeamName',
      'policy.version',
      eb.fn
        .coalesce(
          eb
            .selectFrom('policy_step')
            .select((e) => e.fn.agg<string[]>('array_agg', ['policy_step.step_id']).as('ids'))
            .whereRef('policy_step.policy_id', '=', 'policy.id'),
          eb.val<string[]>([]),
        )
        .as('stepIds'),
      eb.fn
        .coalesce(
          eb
            .selectFrom('decision_right')
            .select((e) => e.fn.agg<string[]>('array_agg', ['decision_right.team_id']).as('ids'))
            .whereRef('decision_right.policy_id', '=', 'policy.id'),
          eb.val<string[]>([]),
        )
        .as('decisionRightTeamIds'),
    ])
    .where('policy.organisation_id', '=', organisationId);
  if (only) query = query.where('policy.id', '=', only.policyId);
  const rows = await query.orderBy('policy.name').execute();
  return rows.map((r) => ({ ...r, stepIds: r.stepIds ?? [], decisionRightTeamIds: r.decisionRightTeamIds ?? [] }));
}

export async function getPolicy(db: Db, organisationId: string, policyId: string): Promise<Policy> {
  const [policy] = await listPolicies(db, organisationId, { policyId });
  if (!policy) throw notFound('Policy');
  return policy;
}

/** The teams that may change a policy: its owner and every team holding the decision right. */
export function changeTeamIds(policy: Pick<Policy, 'ownerTeamId' | 'decisionRightTeamIds'>): string[] {
  return [...new Set([policy.ownerTeamId, ...policy.decisionRightTeamIds])];
}

async function checkLinks(db: Db, organisationId: string, input: PolicyInput): Promise<void> {
  const teamIds = [...new Set([input.ownerTeamId, ...input.decisionRightTeamIds])];
  const stepIds = [...new Set(input.stepIds)];
  const [teams, steps] = await Promise.all([
    db.selectFrom('team').select('id').where('organisation_id', '=', organisationId).where('id', 'in', teamIds).execute(),
    stepIds.length
      ? db.selectFrom('journey_step').select('id').where('organisation_id', '=', organisationId).where('id', 'in', stepIds).execute()
      : [],
  ]);
  const knownTeams = new Set(teams.map((t) => t.id));
  if (!knownTeams.has(input.ownerTeamId)) throw notFound('Owner team');
  if (input.decisionRightTeamIds.some((t) => !knownTeams.has(t))) {
    throw new DomainError('BAD_REQUEST', 'A team given the decision right is not one of this organisation’s', [
      { path: 'decisionRightTeamIds', message: 'contains an unknown team' },
    ]);
  }
  if (steps.length !== stepIds.length) {
    throw new DomainError('BAD_REQUEST', 'A governed step is not one of this organisation’s', [
      { path: 'stepIds', message: 'contains an unknown step' },
    ]);
  }
}

async function writeLinks(db: Db, organisationId: string, policyId: string, input: PolicyInput): Promise<void> {
  await db.deleteFrom('policy_step').where('policy_id', '=', policyId).execute();
  await db.deleteFrom('decision_right').where('policy_id', '=', policyId).execute();
  const stepIds = [...new Set(input.stepIds)];
  const rightTeams = [...new Set(input.decisionRightTeamIds)].filter((t) => t !== input.ownerTeamId);
  if (stepIds.length)
    await db
      .insertInto('policy_step')
      .values(stepIds.map((step_id) => ({ organisation_id: organisationId, policy_id: policyId, step_id })))
      .execute();
  if (rightTeams.length)
    await db
      .insertInto('decision_right')
      .values(rightTeams.map((team_id) => ({ organisation_id: organisationId, policy_id: policyId, team_id })))
      .execute();
}

const nameTaken = () =>
  new DomainError('CONFLICT', 'A policy with this name already exists', [{ path: 'name', message: 'is already used by another policy' }]);

export async function createPolicy(db: Db, organisationId: string, input: PolicyInput): Promise<Policy> {
  await checkLinks(db, organisationId, input);
  const { id } = await db
    .insertInto('policy')
    .values({ organisation_id: organisationId, name: input.name, statement: input.statement, owner_team_id: input.ownerTeamId })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(uniqueAs(nameTaken));
  await writeLinks(db, organisationId, id, input);
  return getPolicy(db, organisationId, id);
}

export async function updatePolicy(db: Db, organisationId: string, input: PolicyInput & { id: string; version: number }) {
  const before = await getPolicy(db, organisationId, input.id);
  await checkLinks(db, organisationId, input);
  await updateAtVersion(
    db,
    'policy',
    { organisationId, ...input },
    { name: input.name, statement: input.statement, owner_team_id: input.ownerTeamId },
  ).catch(uniqueAs(nameTaken));
  await writeLinks(db, organisationId, input.id, input);
  return { before, after: await getPolicy(db, organisationId, input.id) };
}

/** Rewrites a policy's statement when an approved change is implemented. */
export async function setPolicyStatement(db: Db, organisationId: string, policyId: string, statement: string) {
  return db
    .updateTable('policy')
    .set({ statement, version: sql<number>`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', policyId)
    .returning(['id', 'statement', 'version'])
    .executeTakeFirstOrThrow();
}
