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

/**
 * A new reset link for the user; only the newest works, so every earlier unused one is voided.
 * Call in a transaction: the user's row is locked so two requests at once leave one link, not two.
 */
export async function insertPasswordReset(db: Db, r: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.selectFrom('app_user').select('id').where('id', '=', r.userId).forUpdate().execute();
  await db.deleteFrom('password_reset').where('user_id', '=', r.userId).where('used_at', 'is', null).execute();
  await db.insertInto('password_reset').values({ token_hash: r.tokenHash, user_id: r.userId, expires_at: r.expiresAt }).execute();
}

/**
 * Marks a reset token used and returns its user, or undefined if it is unknown, used or expired.
 * Every other unused link of that user is voided with it: one reset, whichever link it came from,
 * ends them all.
 */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('password_reset').where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
  return row.user_id;
}
