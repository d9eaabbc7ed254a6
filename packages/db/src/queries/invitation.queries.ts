import type { Role } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function insertInvitation(
  db: Db,
  i: { organisationId: string; email: string; role: Role; teamId: string | null; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('invitation')
    .values({
      organisation_id: i.organisationId,
      email: i.email,
      role: i.role,
      team_id: i.teamId,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An invitation that can still be accepted, locked for the accepting transaction. */
export async function findOpenInvitation(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('invitation')
    .select(['id', 'organisation_id as organisationId', 'email', 'role', 'team_id as teamId'])
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('invitation').set({ accepted_at: now }).where('id', '=', id).execute();
}

export async function insertPasswordReset(db: Db, r: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('password_reset').values({ token_hash: r.tokenHash, user_id: r.userId, expires_at: r.expiresAt }).execute();
}

/** Marks a reset token used and returns its user, or undefined if it is unknown, used or expired. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
