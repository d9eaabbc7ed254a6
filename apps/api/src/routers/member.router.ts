import { z } from 'zod';
import {
  countAdmins,
  findMember,
  insertInvitation,
  listMembers,
  removeMember,
  revokeTokensCreatedBy,
  setMemberRole,
  writeAuditEvent,
} from '@throughline/db';
import { DomainError, notFound, ZId, ZInviteInput, ZMemberSummary, ZRole } from '@throughline/domain';
import { hashSecret, INVITATION_TTL_MS, newSecret } from '../auth/session-token.ts';
import { auditActor, authorizedProcedure, router } from '../trpc.ts';

export const memberRouter = router({
  list: authorizedProcedure('member.read')
    .output(z.array(ZMemberSummary))
    .query(({ ctx }) => listMembers(ctx.db, ctx.organisationId)),

  /** Creates an invitation and sends its link; the link is also returned, shown once. */
  invite: authorizedProcedure('member.manage')
    .input(ZInviteInput)
    .output(z.object({ invitationId: ZId, link: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (input.teamId) {
        const team = await ctx.db
          .selectFrom('team')
          .select('id')
          .where('organisation_id', '=', ctx.organisationId)
          .where('id', '=', input.teamId)
          .executeTakeFirst();
        if (!team) throw notFound('Team');
      }
      const token = newSecret();
      const link = `${ctx.publicUrl}/invitation?token=${token}`;
      const invitationId = await ctx.db.transaction().execute(async (db) => {
        const id = await insertInvitation(db, {
          organisationId: ctx.organisationId,
          email: input.email,
          role: input.role,
          teamId: input.teamId,
          tokenHash: hashSecret(token),
          invitedBy: ctx.actor.kind === 'member' ? ctx.actor.userId : '',
          expiresAt: new Date(ctx.now().getTime() + INVITATION_TTL_MS),
        });
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'member.invited',
          entity: { type: 'invitation', id },
          after: { email: input.email, role: input.role, teamId: input.teamId },
        });
        return id;
      });
      const organisationName = ctx.actor.kind === 'member' ? ctx.actor.organisationName : 'Throughline';
      await ctx.notifier.invitation(input.email, organisationName, link);
      return { invitationId, link };
    }),

  /** A demoted admin's API tokens keep working; the tokens page flags them for an admin to review. */
  changeRole: authorizedProcedure('member.manage')
    .input(z.object({ userId: ZId, role: ZRole }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (db) => {
        const member = await findMember(db, ctx.organisationId, input.userId);
        if (!member) throw notFound('Member');
        if (member.role === 'admin' && input.role !== 'admin' && (await countAdmins(db, ctx.organisationId)) <= 1) {
          throw new DomainError('PRECONDITION_FAILED', 'An organisation needs at least one admin; make someone else admin first');
        }
        await setMemberRole(db, ctx.organisationId, input.userId, input.role);
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'member.role_changed',
          entity: { type: 'member', id: input.userId },
          before: { role: member.role },
          after: { role: input.role },
        });
      });
      // Once committed: their sessions here carry the new role from the next call on.
      ctx.credentials.forgetMember(ctx.organisationId, input.userId);
      return { ok: true as const };
    }),

  /**
   * Removes a member; every session they hold in this organisation ends at once, and every API
   * token they created here is revoked (each audited), so nothing they set up outlives their access.
   */
  remove: authorizedProcedure('member.manage')
    .input(z.object({ userId: ZId }))
    .output(z.object({ ok: z.literal(true), tokensRevoked: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await ctx.db.transaction().execute(async (db) => {
        const member = await findMember(db, ctx.organisationId, input.userId);
        if (!member) throw notFound('Member');
        if (member.role === 'admin' && (await countAdmins(db, ctx.organisationId)) <= 1) {
          throw new DomainError('PRECONDITION_FAILED', 'The last admin cannot be removed');
        }
        await removeMember(db, ctx.organisationId, input.userId);
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'member.removed',
          entity: { type: 'member', id: input.userId },
          before: { role: member.role },
        });
        const tokens = await revokeTokensCreatedBy(db, ctx.organisationId, input.userId, ctx.now());
        for (const token of tokens) {
          await writeAuditEvent(db, {
            organisationId: ctx.organisationId,
            actor: auditActor(ctx.actor),
            action: 'token.revoked',
            entity: { type: 'api_token', id: token.id },
            after: { reason: 'creator_removed', creator: input.userId },
          });
        }
        return tokens;
      });
      ctx.credentials.forgetMember(ctx.organisationId, input.userId);
      for (const token of revoked) ctx.credentials.forgetToken(token.id);
      return { ok: true as const, tokensRevoked: revoked.length };
    }),
});
