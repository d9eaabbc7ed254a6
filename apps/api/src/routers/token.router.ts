import { z } from 'zod';
import { getOrganisation, insertApiToken, listApiTokens, revokeApiToken, writeAuditEvent } from '@throughline/db';
import { DomainError, notFound, tokenLifetimeIssue, ZApiTokenSummary, ZCreateTokenInput, ZId } from '@throughline/domain';
import { hashSecret, newSecret } from '../auth/session-token.ts';
import { auditActor, authorizedProcedure, router } from '../trpc.ts';

/** Integrators present these as `Authorization: Bearer tl_…`. */
export const API_TOKEN_PREFIX = 'tl_';

export const tokenRouter = router({
  /** Every token, live or not; a live one whose creator was demoted or has left is flagged. */
  list: authorizedProcedure('token.manage')
    .output(z.array(ZApiTokenSummary))
    .query(({ ctx }) => listApiTokens(ctx.db, ctx.organisationId, ctx.now())),

  /**
   * The token itself is in this response only; the database keeps its hash. Its expiry must lie
   * within the organisation's longest token lifetime, when one is set.
   */
  create: authorizedProcedure('token.manage')
    .input(ZCreateTokenInput)
    .output(z.object({ id: ZId, token: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const id = await ctx.db.transaction().execute(async (db) => {
        const { maxTokenLifetimeDays } = await getOrganisation(db, ctx.organisationId);
        const issue = tokenLifetimeIssue(input.expiresInDays, maxTokenLifetimeDays);
        if (issue) throw new DomainError('BAD_REQUEST', `Expiry ${issue}`, [{ path: 'expiresInDays', message: issue }]);
        const tokenId = await insertApiToken(db, {
          organisationId: ctx.organisationId,
          name: input.name,
          tokenHash: hashSecret(token),
          prefix: token.slice(0, 9),
          scopes: input.scopes,
          createdBy: ctx.actor.kind === 'member' ? ctx.actor.userId : '',
          expiresAt: input.expiresInDays === null ? null : new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000),
        });
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'token.created',
          entity: { type: 'api_token', id: tokenId },
          after: { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
        });
        return tokenId;
      });
      return { id, token };
    }),

  revoke: authorizedProcedure('token.manage')
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (db) => {
        if (!(await revokeApiToken(db, ctx.organisationId, input.id, ctx.now()))) throw notFound('API token');
        await writeAuditEvent(db, {
          organisationId: ctx.organisationId,
          actor: auditActor(ctx.actor),
          action: 'token.revoked',
          entity: { type: 'api_token', id: input.id },
        });
      });
      ctx.credentials.forgetToken(input.id);
      return { ok: true as const };
    }),
});
