import { z } from 'zod';
import { ZFailurePoint, ZFailurePointInput, ZFailurePointUpdateInput, ZId } from '@throughline/domain';
import { createFailurePoint, deleteFailurePoint, getFailurePoint, listFailurePoints, updateFailurePoint } from '@throughline/db';
import { requireJourneyInRemit } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const failurePointRouter = router({
  /** Costliest first: the ranking that decides where money goes. */
  list: authorizedProcedure('journey.read')
    .input(z.object({ journeyId: ZId.optional() }).default({}))
    .output(z.array(ZFailurePoint))
    .query(({ ctx, input }) => listFailurePoints(ctx.db, ctx.organisationId, input)),

  get: authorizedProcedure('journey.read')
    .input(z.object({ id: ZId }))
    .output(ZFailurePoint)
    .query(({ ctx, input }) => getFailurePoint(ctx.db, ctx.organisationId, input.id)),

  create: authorizedProcedure('failure_point.edit')
    .input(ZFailurePointInput)
    .output(ZFailurePoint)
    .mutation(async ({ ctx, input }) => {
      await requireJourneyInRemit(ctx, input.journeyId, 'failure_point.edit');
      return ctx.db.transaction().execute(async (db) => {
        const after = await createFailurePoint(db, ctx.organisationId, input);
        await audit(db, ctx, 'failure_point.created', { type: 'failure_point', id: after.id }, { after });
        return after;
      });
    }),

  update: authorizedProcedure('failure_point.edit')
    .input(ZFailurePointUpdateInput)
    .output(ZFailurePoint)
    .mutation(async ({ ctx, input }) => {
      const current = await getFailurePoint(ctx.db, ctx.organisationId, input.id);
      await requireJourneyInRemit(ctx, current.journeyId, 'failure_point.edit');
      await requireJourneyInRemit(ctx, input.journeyId, 'failure_point.edit');
      return ctx.db.transaction().execute(async (db) => {
        const before = await getFailurePoint(db, ctx.organisationId, input.id);
        const after = await updateFailurePoint(db, ctx.organisationId, input);
        await audit(db, ctx, 'failure_point.updated', { type: 'failure_point', id: input.id }, { before, after });
        return after;
      });
    }),

  delete: authorizedProcedure('failure_point.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ id: ZId }))
    .mutation(async ({ ctx, input }) => {
      const current = await getFailurePoint(ctx.db, ctx.organisationId, input.id);
      await requireJourneyInRemit(ctx, current.journeyId, 'failure_point.edit');
      return ctx.db.transaction().execute(async (db) => {
        await deleteFailurePoint(db, ctx.organisationId, input.id);
        await audit(db, ctx, 'failure_point.deleted', { type: 'failure_point', id: input.id }, { before: current });
        return { id: input.id };
      });
    }),
});
