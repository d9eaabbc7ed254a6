import { modelHealth, ZModelHealth } from '@throughline/domain';
import { loadModelSnapshot } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const operatingModelRouter = router({
  /** Every gap in ownership, each pointing at where it is fixed (rules in domain). */
  health: authorizedProcedure('organisation.read')
    .output(ZModelHealth)
    .query(async ({ ctx }) => modelHealth(await loadModelSnapshot(ctx.db, ctx.organisationId))),
});
