import { z } from 'zod';
import { ZTeam } from '@throughline/domain';
import { listTeams } from '@throughline/db';
import { memberProcedure, router } from '../trpc.ts';

export const teamRouter = router({
  list: memberProcedure.output(z.array(ZTeam)).query(({ ctx }) => listTeams(ctx.db, ctx.actor.organisationId)),
});
