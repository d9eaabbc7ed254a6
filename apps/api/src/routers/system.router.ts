import { z } from 'zod';
import { ZSystemWithOwner } from '@throughline/domain';
import { listSystems } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  list: authorizedProcedure('system.read').output(z.array(ZSystemWithOwner)).query(({ ctx }) => listSystems(ctx.db, ctx.organisationId)),
});
