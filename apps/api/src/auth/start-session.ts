import { deleteSession, findSessionActor, insertSession } from '@throughline/db';
import type { SessionActor } from '@throughline/domain';
import type { Context } from '../context.ts';
import { hashSecret, newSecret, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-token.ts';

/**
 * Signs a user in to an organisation: a fresh token every time (any token the browser held
 * before is revoked), stored hashed, handed over in the cookie.
 */
export async function startSession(ctx: Context, userId: string, organisationId: string): Promise<SessionActor> {
  if (ctx.cookies.token) {
    const oldHash = hashSecret(ctx.cookies.token);
    await deleteSession(ctx.db, oldHash);
    ctx.credentials.forgetSession(oldHash);
  }
  const token = newSecret();
  const now = ctx.now();
  await insertSession(ctx.db, {
    tokenHash: hashSecret(token),
    userId,
    organisationId,
    now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  ctx.cookies.set(token, SESSION_ABSOLUTE_MS);
  const actor = await findSessionActor(ctx.db, hashSecret(token), now, SESSION_IDLE_MS);
  if (!actor) throw new Error('session vanished right after it was created');
  return actor;
}
