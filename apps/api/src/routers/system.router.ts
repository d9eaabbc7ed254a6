import { z } from 'zod';
import { ZSystemWithOwner } from '@throughline/domain';
import { listSystems } from '@throughline/db';
import { memberProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  list: memberProcedure.output(z.array(ZSystemWithOwner)).query(({ ctx }) => listSystems(ctx.db, ctx.actor.organisationId)),
});
