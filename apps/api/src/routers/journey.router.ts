import { z } from 'zod';
import { ZId, ZJourney, ZJourneySummary } from '@throughline/domain';
import { getJourney, listJourneys } from '@throughline/db';
import { memberProcedure, router } from '../trpc.ts';

export const journeyRouter = router({
  list: memberProcedure.output(z.array(ZJourneySummary)).query(({ ctx }) => listJourneys(ctx.db, ctx.actor.organisationId)),
  get: memberProcedure
    .input(z.object({ id: ZId }))
    .output(ZJourney)
    .query(({ ctx, input }) => getJourney(ctx.db, ctx.actor.organisationId, input.id)),
});
