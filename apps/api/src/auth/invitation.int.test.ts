import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@throughline/db';
import { createTestDatabase, insertMember, insertOrganisation, insertTeam } from '@throughline/db/testing';
import type { Role } from '@throughline/domain';
import { createInnerContext } from '../context.ts';
import { createCaller } from '../router.ts';
import { hashPassword } from './password.ts';

const PASSWORD = 'correct horse battery staple';
let database: Database;
const ids = { org: '', admin: '', bo: '', team: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  ids.org = (await insertOrganisation(database.db, 'harbour', 'Harbour')).id;
  ids.admin = await insertMember(database.db, ids.org, { email: 'admin@harbour.example', passwordHash, role: 'admin' });
  ids.bo = await insertMember(database.db, ids.org, { email: 'bo@harbour.example', passwordHash, role: 'viewer' });
  ids.team = await insertTeam(database.db, ids.org, 'Claims');
});
afterAll(() => database.close());

const LIMITS = { signInPerIpPerMinute: 1_000, tokenRequestsPerMinute: 1_000 };
const anonymous = () => createCaller(createInnerContext({ db: database.db, limits: LIMITS }));

async function callerAs(email: string) {
  const actor = await anonymous().auth.signIn({ email, password: PASSWORD });
  return createCaller(createInnerContext({ db: database.db, actor, limits: LIMITS }));
}

/** An admin's invitation for `email`; returns its token and id. */
async function invite(email: string, role: Role, teamId: string | null = null) {
  const admin = await callerAs('admin@harbour.example');
  const { invitationId, link } = await admin.member.invite({ email, role, teamId });
  return { invitationId, token: new URL(link).searchParams.get('token')! };
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const roleOf = async (userId: string) =>
  (
    await database.db
      .selectFrom('member')
      .select('role')
      .where('organisation_id', '=', ids.org)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
  ).role;
const acceptedAt = async (id: string) =>
  (await database.db.selectFrom('invitation').select('accepted_at').where('id', '=', id).executeTakeFirstOrThrow()).accepted_at;

describe('an invitation accepted by someone who is already a member', () => {
  it('applies the invited role, audits the change, and says so in the answer', async () => {
    const { token, invitationId } = await invite('bo@harbour.example', 'cx_lead');
    const accepted = await anonymous().auth.acceptInvitation({ token, displayName: 'Bo', password: PASSWORD });
    expect(accepted).toMatchObject({
      userId: ids.bo,
      role: 'cx_lead',
      membership: { outcome: 'updated', roleBefore: 'viewer', addedToTeamId: null },
    });
    expect(await roleOf(ids.bo)).toBe('cx_lead');
    expect(await acceptedAt(invitationId)).not.toBeNull();
    const audited = await database.db
      .selectFrom('audit_event')
      .select(['actor_id', 'before', 'after'])
      .where('action', '=', 'member.role_changed')
      .where('entity_id', '=', ids.bo)
      .execute();
    expect(audited).toEqual([{ actor_id: ids.bo, before: { role: 'viewer' }, after: { role: 'cx_lead', invitationId } }]);
  });

  it('adds them to the invited team when their role already matches', async () => {
    const { token } = await invite('bo@harbour.example', 'cx_lead', ids.team);
    const accepted = await anonymous().auth.acceptInvitation({ token, displayName: 'Bo', password: PASSWORD });
    expect(accepted.membership).toEqual({ outcome: 'updated', roleBefore: 'cx_lead', addedToTeamId: ids.team });
    const inTeam = await database.db.selectFrom('team_member').select('user_id').where('team_id', '=', ids.team).execute();
    expect(inTeam).toEqual([{ user_id: ids.bo }]);
  });

  it('is refused with the reason when it would change nothing, and the invitation stays unused', async () => {
    const { token, invitationId } = await invite('bo@harbour.example', 'cx_lead', ids.team);
    const error = await refusal(anonymous().auth.acceptInvitation({ token, displayName: 'Bo', password: PASSWORD }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already a member of this organisation as cx lead.*changes nothing/);
    expect(await acceptedAt(invitationId)).toBeNull();
    expect(await roleOf(ids.bo)).toBe('cx_lead');
  });

  it("never steps down the organisation's last admin", async () => {
    const { token, invitationId } = await invite('admin@harbour.example', 'viewer');
    const error = await refusal(anonymous().auth.acceptInvitation({ token, displayName: 'Admin', password: PASSWORD }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/only admin/);
    expect(await roleOf(ids.admin)).toBe('admin');
    expect(await acceptedAt(invitationId)).toBeNull();
  });

  it('still asks for the existing account’s password', async () => {
    const { token, invitationId } = await invite('bo@harbour.example', 'admin');
    expect((await refusal(anonymous().auth.acceptInvitation({ token, displayName: 'Bo', password: 'not the password at all' }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect(await roleOf(ids.bo)).toBe('cx_lead');
    expect(await acceptedAt(invitationId)).toBeNull();
  });
});

describe('an invitation accepted by someone new', () => {
  it('creates the account and the membership, as before', async () => {
    const { token } = await invite('cy@harbour.example', 'team_member', ids.team);
    const accepted = await anonymous().auth.acceptInvitation({ token, displayName: 'Cy', password: 'a long new password' });
    expect(accepted).toMatchObject({
      role: 'team_member',
      displayName: 'Cy',
      membership: { outcome: 'joined', roleBefore: null, addedToTeamId: ids.team },
    });
  });
});
