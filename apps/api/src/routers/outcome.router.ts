import { z } from 'zod';
import { ZId, ZOutcome, ZOutcomeInput, ZOutcomeUpdateInput } from '@throughline/domain';
import { createOutcome, deleteOutcome, getOutcome, listOutcomes, updateOutcome } from '@throughline/db';
import { requireJourneyInRemit } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const outcomeRouter = router({
  list: authorizedProcedure('journey.read')
    .input(z.object({ journeyId: ZId.optional() }).default({}))
    .output(z.array(ZOutcome))
    .query(({ ctx, input }) => listOutcomes(ctx.db, ctx.organisationId, input, ctx.now())),

  /** A journey has 3–5 outcomes: a sixth is refused with the reason. */
  create: authorizedProcedure('outcome.edit')
    .input(ZOutcomeInput)
    .output(ZOutcome)
    .mutation(async ({ ctx, input }) => {
      await requireJourneyInRemit(ctx, input.journeyId, 'outcome.edit');
      return ctx.db.transaction().execute(async (db) => {
        const after = await createOutcome(db, ctx.organisationId, input, ctx.now());
        await audit(db, ctx, 'outcome.created', { type: 'outcome', id: after.id }, { after });
        return after;
      });
    }),

  update: authorizedProcedure('outcome.edit')
    .input(ZOutcomeUpdateInput)
    .output(ZOutcome)
    .mutation(async ({ ctx, input }) => {
      const current = await getOutcome(ctx.db, ctx.organisationId, input.id, ctx.now());
      await requireJourneyInRemit(ctx, current.journeyId, 'outcome.edit');
      return ctx.db.transaction().execute(async (db) => {
        const after = await updateOutcome(db, ctx.organisationId, input, ctx.now());
        await audit(db, ctx, 'outcome.updated', { type: 'outcome', id: input.id }, { before: current, after });
        return after;
      });
    }),

  delete: authorizedProcedure('outcome.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ id: ZId }))
    .mutation(async ({ ctx, input }) => {
      const current = await getOutcome(ctx.db, ctx.organisationId, input.id, ctx.now());
      await requireJourneyInRemit(ctx, current.journeyId, 'outcome.edit');
      return ctx.db.transaction().execute(async (db) => {
        await deleteOutcome(db, ctx.organisationId, input.id);
        await audit(db, ctx, 'outcome.deleted', { type: 'outcome', id: input.id }, { before: current });
        return { id: input.id };
      });
    }),
});
