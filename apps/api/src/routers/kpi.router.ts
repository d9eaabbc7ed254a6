import { z } from 'zod';
import { ZKpiDefinition } from '@throughline/domain';
import { listKpis } from '@throughline/db';
import { authorizedProcedure, router } from '../trpc.ts';

export const kpiRouter = router({
  /** Every KPI the organisation has defined: what it measures, who owns it, its target. */
  list: authorizedProcedure('kpi.read')
    .output(z.array(ZKpiDefinition))
    .query(({ ctx }) => listKpis(ctx.db, ctx.organisationId)),
});
