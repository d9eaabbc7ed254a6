import { z } from 'zod';
import { ZTeam } from '@throughline/domain';
import { listTeams } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const teamRouter = router({
  list: authorizedProcedure('team.read').output(z.array(ZTeam)).query(({ ctx }) => listTeams(ctx.db, ctx.organisationId)),
});
