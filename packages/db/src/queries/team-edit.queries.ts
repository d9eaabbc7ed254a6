import { sql } from 'kysely';
import { DomainError, notFound, type Team, type TeamInput } from '@throughline/domain';
import type { Db } from '../database.ts';
import { uniqueAs } from './constraint-errors.ts';
import { listTeams } from './team.queries.ts';
import { updateAtVersion } from './versioned-row.ts';

const nameTaken = () =>
  new DomainError('CONFLICT', 'A team with this name already exists', [{ path: 'name', message: 'is already used by another team' }]);

const columns = (t: TeamInput) => ({
  name: t.name,
  purpose: t.purpose,
  capabilities: [...new Set(t.capabilities)],
  annual_budget: t.annualBudget,
  spending_authority: t.spendingAuthority,
});

export async function createTeam(db: Db, organisationId: string, input: TeamInput): Promise<Team> {
  const { id } = await db
    .insertInto('team')
    .values({ organisation_id: organisationId, ...columns(input) })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(uniqueAs(nameTaken));
  return findTeam(db, organisationId, id);
}

export async function findTeam(db: Db, organisationId: string, teamId: string): Promise<Team> {
  const [team] = await listTeams(db, organisationId, { teamId });
  if (!team) throw notFound('Team');
  return team;
}

export async function updateTeam(
  db: Db,
  organisationId: string,
  input: TeamInput & { id: string; version: number },
): Promise<{ before: Team; after: Team }> {
  const before = await findTeam(db, organisationId, input.id);
  await updateAtVersion(db, 'team', { organisationId, ...input }, columns(input)).catch(uniqueAs(nameTaken));
  return { before, after: await findTeam(db, organisationId, input.id) };
}

/** Replaces the team's members; each must belong to the organisation. Returns before and after. */
export async function setTeamMembers(db: Db, organisationId: string, teamId: string, userIds: readonly string[]) {
  await findTeam(db, organisationId, teamId);
  const ids = [...new Set(userIds)];
  const before = (await db.selectFrom('team_member').select('user_id').where('team_id', '=', teamId).orderBy('user_id').execute()).map(
    (r) => r.user_id,
  );
  if (ids.length > 0) {
    const members = await db
      .selectFrom('member')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', 'in', ids)
      .execute();
    if (members.length !== ids.length) {
      throw new DomainError('BAD_REQUEST', 'Everyone in a team must be a member of the organisation', [
        { path: 'userIds', message: 'contains someone who is not a member' },
      ]);
    }
  }
  await db.deleteFrom('team_member').where('team_id', '=', teamId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('team_member')
      .values(ids.map((user_id) => ({ organisation_id: organisationId, team_id: teamId, user_id })))
      .execute();
  }
  await db
    .updateTable('team')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', teamId)
    .execute();
  return { before, after: [...ids].sort() };
}

/** The teams a user belongs to in an organisation. */
export async function teamIdsOfUser(db: Db, organisationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_member')
    .select('team_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.team_id);
}
