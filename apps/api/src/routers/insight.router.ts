import { z } from 'zod';
import { ZId, ZInsight, ZInsightInput, ZInsightSearch, ZInsightUpdateInput } from '@throughline/domain';
import { createInsight, deleteInsight, getInsight, searchInsights, updateInsight } from '@throughline/db';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const insightRouter = router({
  /** Full-text search over titles and bodies (PostgreSQL's own), or the newest first. */
  search: authorizedProcedure('insight.read')
    .input(ZInsightSearch.default({ limit: 50 }))
    .output(z.array(ZInsight))
    .query(({ ctx, input }) => searchInsights(ctx.db, ctx.organisationId, input)),

  get: authorizedProcedure('insight.read')
    .input(z.object({ id: ZId }))
    .output(ZInsight)
    .query(({ ctx, input }) => getInsight(ctx.db, ctx.organisationId, input.id)),

  create: authorizedProcedure('insight.edit')
    .input(ZInsightInput)
    .output(ZInsight)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const after = await createInsight(db, ctx.organisationId, input);
        await audit(db, ctx, 'insight.created', { type: 'insight', id: after.id }, { after });
        return after;
      }),
    ),

  update: authorizedProcedure('insight.edit')
    .input(ZInsightUpdateInput)
    .output(ZInsight)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const before = await getInsight(db, ctx.organisationId, input.id);
        const after = await updateInsight(db, ctx.organisationId, input);
        await audit(db, ctx, 'insight.updated', { type: 'insight', id: input.id }, { before, after });
        return after;
      }),
    ),

  delete: authorizedProcedure('insight.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ id: ZId }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (db) => {
        const before = await getInsight(db, ctx.organisationId, input.id);
        await deleteInsight(db, ctx.organisationId, input.id);
        await audit(db, ctx, 'insight.deleted', { type: 'insight', id: input.id }, { before });
        return { id: input.id };
      }),
    ),
});
