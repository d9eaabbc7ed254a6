import { sql } from 'kysely';
import type { MemberSummary, Role } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function listMembers(db: Db, organisationId: string): Promise<MemberSummary[]> {
  const rows = await db
    .selectFrom('member')
    .innerJoin('app_user', 'app_user.id', 'member.user_id')
    .select((eb) => [
      'member.user_id as userId',
      'app_user.email',
      'app_user.display_name as displayName',
      'member.role',
      'member.created_at as joinedAt',
      eb
        .selectFrom('team_member')
        .innerJoin('team', 'team.id', 'team_member.team_id')
        .select(
          sql<
            { id: string; name: string }[]
          >`coalesce(json_agg(json_build_object('id', team.id, 'name', team.name) ORDER BY team.name), '[]')`.as('t'),
        )
        .whereRef('team_member.user_id', '=', 'member.user_id')
        .whereRef('team_member.organisation_id', '=', 'member.organisation_id')
        .as('teams'),
    ])
    .where('member.organisation_id', '=', organisationId)
    .orderBy('app_user.display_name')
    .execute();
  return rows.map((r) => ({ ...r, teams: r.teams ?? [], joinedAt: r.joinedAt.toISOString() }));
}

export async function findMember(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('member')
    .select(['user_id as userId', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setMemberRole(db: Db, organisationId: string, userId: string, role: Role): Promise<void> {
  await db.updateTable('member').set({ role }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

/** Removes the membership and ends every session the person holds in this organisation. */
export async function removeMember(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.deleteFrom('session').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
  await db.deleteFrom('team_member').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
  await db.deleteFrom('member').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

/**
 * Makes the user a member with `role` (a member already keeps the role they have) and, when
 * `teamId` is given, a member of that team. Says which of the two it added.
 */
export async function addMember(
  db: Db,
  m: { organisationId: string; userId: string; role: Role; teamId: string | null },
): Promise<{ joined: boolean; addedToTeam: boolean }> {
  const joined = await db
    .insertInto('member')
    .values({ organisation_id: m.organisationId, user_id: m.userId, role: m.role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  let addedToTeam: { user_id: string } | undefined;
  if (m.teamId) {
    addedToTeam = await db
      .insertInto('team_member')
      .values({ organisation_id: m.organisationId, team_id: m.teamId, user_id: m.userId })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
  }
  return { joined: joined !== undefined, addedToTeam: addedToTeam !== undefined };
}

export async function insertUser(db: Db, u: { email: string; displayName: string; passwordHash: string }): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({ email: u.email, display_name: u.displayName, password_hash: u.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOrganisation(db: Db, o: { slug: string; name: string }): Promise<string> {
  const row = await db.insertInto('organisation').values(o).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a new password hash and ends every session the user holds, everywhere. */
export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Whether the journey lies in the remit of a team the user belongs to. */
export async function journeyInUserRemit(db: Db, organisationId: string, userId: string, journeyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('remit')
    .innerJoin('team_member', (j) => j.onRef('team_member.team_id', '=', 'remit.team_id'))
    .select('remit.id')
    .where('remit.organisation_id', '=', organisationId)
    .where('remit.journey_id', '=', journeyId)
    .where('team_member.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
