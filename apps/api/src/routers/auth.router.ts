import { z } from 'zod';
import { DomainError, ZSessionActor, ZSignInInput } from '@throughline/domain';
import { deleteSession, findSessionActor, findUserByEmail, insertSession, listMemberships } from '@throughline/db';
import { verifyPassword } from '../auth/password.ts';
import { hashSessionToken, newSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../auth/session-token.ts';
import { memberProcedure, publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  signIn: publicProcedure
    .input(ZSignInInput)
    .output(ZSessionActor)
    .mutation(async ({ ctx, input }) => {
      const user = await findUserByEmail(ctx.db, input.email);
      const ok = await verifyPassword(user?.passwordHash, input.password);
      const membership = user && ok ? (await listMemberships(ctx.db, user.id))[0] : undefined;
      if (!user || !ok || !membership) throw new DomainError('UNAUTHORIZED', 'Email or password is incorrect');
      // A fresh token at every sign-in; any token the browser held before is dropped.
      if (ctx.cookies.token) await deleteSession(ctx.db, hashSessionToken(ctx.cookies.token));
      const token = newSessionToken();
      const now = ctx.now();
      await insertSession(ctx.db, {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        organisationId: membership.organisationId,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      });
      ctx.cookies.set(token, SESSION_ABSOLUTE_MS);
      const actor = await findSessionActor(ctx.db, hashSessionToken(token), now, SESSION_IDLE_MS);
      if (!actor) throw new Error('session vanished right after it was created');
      return actor;
    }),

  signOut: publicProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.cookies.token) await deleteSession(ctx.db, hashSessionToken(ctx.cookies.token));
    ctx.cookies.clear();
    return { signedOut: true as const };
  }),

  /** Who is signed in, or null: the web app asks this first. */
  me: publicProcedure.output(ZSessionActor.nullable()).query(({ ctx }) => ctx.actor),

  /** Proves the session still works; used by clients that only hold a cookie. */
  ping: memberProcedure.output(z.object({ organisationId: z.uuid() })).query(({ ctx }) => ({
    organisationId: ctx.actor.organisationId,
  })),
});
