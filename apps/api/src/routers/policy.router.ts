import { z } from 'zod';
import { ZId, ZPolicy, ZPolicyInput, ZPolicyUpdateInput } from '@throughline/domain';
import { createPolicy, getPolicy, listPolicies, updatePolicy } from '@throughline/db';
import { requireOwnTeam } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const policyRouter = router({
  list: authorizedProcedure('policy.read')
    .output(z.array(ZPolicy))
    .query(({ ctx }) => listPolicies(ctx.db, ctx.organisationId)),

  /** A team member creates policies for their own teams; the council for any team. */
  create: authorizedProcedure('policy.edit')
    .input(ZPolicyInput)
    .output(ZPolicy)
    .mutation(async ({ ctx, input }) => {
      await requireOwnTeam(ctx, input.ownerTeamId, 'policy.edit', 'The owner team');
      return ctx.db.transaction().execute(async (db) => {
        const policy = await createPolicy(db, ctx.organisationId, input);
        await audit(db, ctx, 'policy.created', { type: 'policy', id: policy.id }, { after: policy });
        return policy;
      });
    }),

  /**
   * Edits a policy's wording, links and decision rights directly: for its owner team and the
   * council. Other teams change a policy through a change proposal.
   */
  update: authorizedProcedure('policy.edit')
    .input(ZPolicyUpdateInput)
    .output(ZPolicy)
    .mutation(async ({ ctx, input }) => {
      const current = await getPolicy(ctx.db, ctx.organisationId, input.id);
      await requireOwnTeam(ctx, current.ownerTeamId, 'policy.edit', 'This policy');
      await requireOwnTeam(ctx, input.ownerTeamId, 'policy.edit', 'The new owner team');
      return ctx.db.transaction().execute(async (db) => {
        const change = await updatePolicy(db, ctx.organisationId, input);
        await audit(db, ctx, 'policy.updated', { type: 'policy', id: input.id }, change);
        return change.after;
      });
    }),

  get: authorizedProcedure('policy.read')
    .input(z.object({ id: ZId }))
    .output(ZPolicy)
    .query(({ ctx, input }) => getPolicy(ctx.db, ctx.organisationId, input.id)),
});
