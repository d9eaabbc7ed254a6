import { z } from 'zod';
import { ZScorecard } from '@throughline/domain';
import { buildScorecard } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const scorecardRouter = router({
  get: authorizedProcedure('value.read')
    .input(z.object({}).default({}))
    .output(ZScorecard)
    .query(({ ctx }) => buildScorecard(ctx.db, ctx.organisationId, ctx.now())),
});
