import { selectionOf, ZPeriodParams, ZScorecard } from '@throughline/domain';
import { buildScorecard } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const scorecardRouter = router({
  get: authorizedProcedure('value.read')
    .input(ZPeriodParams.default({}))
    .output(ZScorecard)
    .query(({ ctx, input }) => buildScorecard(ctx.db, ctx.organisationId, ctx.now(), selectionOf(input))),
});
