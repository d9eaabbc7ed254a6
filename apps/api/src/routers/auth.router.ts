import { z } from 'zod';
import {
  addMember,
  clearSignInFailures,
  clearSignInFailuresOfUser,
  consumePasswordReset,
  countAdmins,
  deleteSession,
  findMember,
  findOpenInvitation,
  findSignInLock,
  findUserByEmail,
  hitRateLimit,
  insertOrganisation,
  insertPasswordReset,
  insertUser,
  listMemberships,
  markInvitationAccepted,
  recordSignInFailure,
  setMemberRole,
  setPassword,
  writeAuditEvent,
} from '@throughline/db';
import {
  DomainError,
  FAILURE_MEMORY_MS,
  lockedMessage,
  lockoutMs,
  ZAcceptInvitationInput,
  ZInvitationAccepted,
  ZPasswordResetInput,
  ZPasswordResetRequest,
  ZSessionActor,
  ZSignInInput,
  ZSignUpInput,
} from '@throughline/domain';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashSecret, newSecret, PASSWORD_RESET_TTL_MS } from '../auth/session-token.ts';
import { startSession } from '../auth/start-session.ts';
import type { Context } from '../context.ts';
import { publicProcedure, router } from '../trpc.ts';

const ZDone = z.object({ ok: z.literal(true) });

async function limitByIp(ctx: Context, what: string) {
  const limit = await hitRateLimit(ctx.db, `${what}:ip:${ctx.clientIp}`, ctx.limits.signInPerIpPerMinute, 60_000, ctx.now());
  if (!limit.allowed) {
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      'Too many attempts from this address; wait a minute and try again',
      [],
      limit.retryAfterSeconds,
    );
  }
}

/**
 * Signing up or accepting an invitation over an old cookie ends that session in the same
 * transaction; forgotten again once it has committed, so no lookup here reads it back meanwhile.
 */
function forgetReplacedSession(ctx: Context) {
  if (ctx.cookies.token) ctx.credentials.forgetSession(hashSecret(ctx.cookies.token));
}

function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'org';
  return `${base}-${newSecret()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

export const authRouter = router({
  /** A new organisation with its first admin, who is signed in straight away. */
  signUp: publicProcedure
    .input(ZSignUpInput)
    .output(ZSessionActor)
    .mutation(async ({ ctx, input }) => {
      await limitByIp(ctx, 'sign-up');
      if (await findUserByEmail(ctx.db, input.email)) {
        throw new DomainError('CONFLICT', 'An account with this email already exists; sign in instead', [
          { path: 'email', message: 'is already registered' },
        ]);
      }
      const passwordHash = await hashPassword(input.password);
      const actor = await ctx.db.transaction().execute(async (db) => {
        const organisationId = await insertOrganisation(db, { slug: slugFor(input.organisationName), name: input.organisationName });
        const userId = await insertUser(db, { email: input.email, displayName: input.displayName, passwordHash });
        await addMember(db, { organisationId, userId, role: 'admin', teamId: null });
        await writeAuditEvent(db, {
          organisationId,
          actor: { type: 'user', id: userId },
          action: 'organisation.created',
          entity: { type: 'organisation', id: organisationId },
          after: { name: input.organisationName, admin: input.email },
        });
        return startSession({ ...ctx, db }, userId, organisationId);
      });
      forgetReplacedSession(ctx);
      return actor;
    }),

  /**
   * Refused for a locked account (see the sign-in lockout rule in domain) even with the right
   * password, with when to try again; every failure counts towards the lock, and both are audited.
   */
  signIn: publicProcedure
    .input(ZSignInInput)
    .output(ZSessionActor)
    .mutation(async ({ ctx, input }) => {
      await limitByIp(ctx, 'sign-in');
      const email = input.email.toLowerCase();
      const now = ctx.now();
      const user = await findUserByEmail(ctx.db, email);
      const auditAs = async (db: typeof ctx.db, action: string, after: Record<string, unknown>) => {
        const memberships = user ? await listMemberships(db, user.id) : [];
        await writeAuditEvent(db, {
          organisationId: memberships[0]?.organisationId ?? null,
          actor: { type: 'user', id: user?.id ?? `unknown:${email}` },
          action,
          entity: { type: 'user', id: user?.id ?? email },
          after: { ip: ctx.clientIp, ...after },
        });
      };
      const lockedUntil = await findSignInLock(ctx.db, email, now);
      if (lockedUntil) {
        await auditAs(ctx.db, 'auth.sign_in_locked', { lockedUntil: lockedUntil.toISOString() });
        const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
        throw new DomainError('TOO_MANY_REQUESTS', lockedMessage(lockedUntil, now), [], retryAfterSeconds);
      }
      const ok = await verifyPassword(user?.passwordHash, input.password);
      const membership = user && ok ? (await listMemberships(ctx.db, user.id))[0] : undefined;
      if (!user || !ok || !membership) {
        const lock = await ctx.db.transaction().execute(async (db) => {
          const failure = await recordSignInFailure(db, email, now, FAILURE_MEMORY_MS, lockoutMs);
          await auditAs(db, 'auth.sign_in_failed', { failures: failure.failures });
          if (failure.lockedUntil)
            await auditAs(db, 'auth.account_locked', { failures: failure.failures, lockedUntil: failure.lockedUntil.toISOString() });
          return failure.lockedUntil;
        });
        throw new DomainError(
          'UNAUTHORIZED',
          lock ? `Email or password is incorrect. ${lockedMessage(lock, now)}` : 'Email or password is incorrect',
        );
      }
      const actor = await ctx.db.transaction().execute(async (db) => {
        await clearSignInFailures(db, email);
        return startSession({ ...ctx, db }, user.id, membership.organisationId);
      });
      await writeAuditEvent(ctx.db, {
        organisationId: membership.organisationId,
        actor: { type: 'user', id: user.id },
        action: 'auth.sign_in',
        entity: { type: 'user', id: user.id },
        after: { ip: ctx.clientIp },
      });
      return actor;
    }),

  signOut: publicProcedure.output(ZDone).mutation(async ({ ctx }) => {
    if (ctx.cookies.token) {
      const tokenHash = hashSecret(ctx.cookies.token);
      await deleteSession(ctx.db, tokenHash);
      ctx.credentials.forgetSession(tokenHash);
    }
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** Who is signed in, or null: the web app asks this first. */
  me: publicProcedure
    .meta({ access: 'public', kept: 'actor' })
    .output(ZSessionActor.nullable())
    .query(({ ctx }) => (ctx.actor?.kind === 'member' ? ctx.actor : null)),

  /**
   * Always answers the same, so it cannot be used to find out who has an account. Only the newest
   * link works: asking again voids the earlier ones.
   */
  requestPasswordReset: publicProcedure
    .input(ZPasswordResetRequest)
    .output(ZDone)
    .mutation(async ({ ctx, input }) => {
      await limitByIp(ctx, 'password-reset');
      const user = await findUserByEmail(ctx.db, input.email);
      if (user) {
        const token = newSecret();
        await ctx.db.transaction().execute((db) =>
          insertPasswordReset(db, {
            tokenHash: hashSecret(token),
            userId: user.id,
            expiresAt: new Date(ctx.now().getTime() + PASSWORD_RESET_TTL_MS),
          }),
        );
        await ctx.notifier.passwordReset(user.email, `${ctx.publicUrl}/reset-password?token=${token}`);
      }
      return { ok: true as const };
    }),

  /**
   * Sets a new password with a one-time token; every session of that user ends, every other reset
   * link of theirs is voided, and any sign-in lock on the account is lifted.
   */
  resetPassword: publicProcedure
    .input(ZPasswordResetInput)
    .output(ZDone)
    .mutation(async ({ ctx, input }) => {
      await limitByIp(ctx, 'password-reset');
      const passwordHash = await hashPassword(input.password);
      const userId = await ctx.db.transaction().execute(async (db) => {
        const userId = await consumePasswordReset(db, hashSecret(input.token), ctx.now());
        if (!userId)
          throw new DomainError('BAD_REQUEST', 'This reset link is invalid, used or expired; ask for a new one', [
            { path: 'token', message: 'is invalid or expired' },
          ]);
        await setPassword(db, userId, passwordHash);
        await clearSignInFailuresOfUser(db, userId);
        return userId;
      });
      // Once committed, so no lookup here can read the sessions back before they are gone.
      ctx.credentials.forgetUser(userId);
      return { ok: true as const };
    }),

  /**
   * Joins the organisation that sent the invitation, creating the account if needed. Someone
   * already a member gets what the invitation says applied instead: its role (an admin stepping
   * down is refused if they are the last one) and its team, audited. An invitation that would
   * change nothing is refused and stays unused.
   */
  acceptInvitation: publicProcedure
    .input(ZAcceptInvitationInput)
    .output(ZInvitationAccepted)
    .mutation(async ({ ctx, input }) => {
      await limitByIp(ctx, 'invitation');
      const passwordHash = await hashPassword(input.password);
      const accepted = await ctx.db.transaction().execute(async (db) => {
        const invitation = await findOpenInvitation(db, hashSecret(input.token), ctx.now());
        if (!invitation) {
          throw new DomainError('BAD_REQUEST', 'This invitation is invalid, already used or expired; ask for a new one', [
            { path: 'token', message: 'is invalid or expired' },
          ]);
        }
        const existing = await findUserByEmail(db, invitation.email);
        if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
          throw new DomainError('UNAUTHORIZED', 'You already have an account: enter its password to accept');
        }
        const userId = existing?.id ?? (await insertUser(db, { email: invitation.email, displayName: input.displayName, passwordHash }));
        const organisationId = invitation.organisationId;
        const before = existing ? await findMember(db, organisationId, userId) : undefined;
        const added = await addMember(db, { organisationId, userId, role: invitation.role, teamId: invitation.teamId });
        const actor = { type: 'user' as const, id: userId };
        if (!before) {
          await writeAuditEvent(db, {
            organisationId,
            actor,
            action: 'member.joined',
            entity: { type: 'member', id: userId },
            after: { email: invitation.email, role: invitation.role },
          });
        } else {
          const roleChanges = before.role !== invitation.role;
          if (!roleChanges && !added.addedToTeam) {
            throw new DomainError(
              'CONFLICT',
              `You are already a member of this organisation as ${before.role.replace('_', ' ')}${invitation.teamId ? ', in the team it names' : ''}: this invitation changes nothing, so it is left unused. Sign in instead.`,
            );
          }
          if (roleChanges && before.role === 'admin' && (await countAdmins(db, organisationId)) <= 1) {
            throw new DomainError(
              'PRECONDITION_FAILED',
              `You are this organisation's only admin, and this invitation would make you ${invitation.role.replace('_', ' ')}; make someone else admin first`,
            );
          }
          if (roleChanges) {
            await setMemberRole(db, organisationId, userId, invitation.role);
            await writeAuditEvent(db, {
              organisationId,
              actor,
              action: 'member.role_changed',
              entity: { type: 'member', id: userId },
              before: { role: before.role },
              after: { role: invitation.role, invitationId: invitation.id },
            });
          }
          if (added.addedToTeam) {
            await writeAuditEvent(db, {
              organisationId,
              actor,
              action: 'team.member_added',
              entity: { type: 'team', id: invitation.teamId! },
              after: { userId, invitationId: invitation.id },
            });
          }
        }
        await markInvitationAccepted(db, invitation.id, ctx.now());
        const session = await startSession({ ...ctx, db }, userId, organisationId);
        return {
          ...session,
          membership: {
            outcome: before ? ('updated' as const) : ('joined' as const),
            roleBefore: before?.role ?? null,
            addedToTeamId: added.addedToTeam ? invitation.teamId : null,
          },
        };
      });
      forgetReplacedSession(ctx);
      // Once committed: any other session they hold here carries the new role from its next call.
      if (accepted.membership.roleBefore) ctx.credentials.forgetMember(accepted.organisationId, accepted.userId);
      return accepted;
    }),
});
