import { z } from 'zod';
import { ZKpiDefinition, ZKpiInput, ZKpiUpdateInput } from '@throughline/domain';
import { createKpi, getKpi, listKpis, updateKpi } from '@throughline/db';
import { requireOwnTeam } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const kpiRouter = router({
  /** Every KPI the organisation has defined: what it measures, who owns it, its target. */
  list: authorizedProcedure('kpi.read')
    .output(z.array(ZKpiDefinition))
    .query(({ ctx }) => listKpis(ctx.db, ctx.organisationId)),

  /** A team member defines KPIs their own team owns; the council any KPI. */
  create: authorizedProcedure('kpi.edit')
    .input(ZKpiInput)
    .output(ZKpiDefinition)
    .mutation(async ({ ctx, input }) => {
      if (ctx.reach === 'remit') await requireOwnTeam(ctx, input.ownerTeamId ?? '', 'kpi.edit', 'The owner team');
      return ctx.db.transaction().execute(async (db) => {
        const kpi = await createKpi(db, ctx.organisationId, input);
        await audit(db, ctx, 'kpi.created', { type: 'kpi', id: kpi.id }, { after: kpi });
        return kpi;
      });
    }),

  update: authorizedProcedure('kpi.edit')
    .input(ZKpiUpdateInput)
    .output(ZKpiDefinition)
    .mutation(async ({ ctx, input }) => {
      const current = await getKpi(ctx.db, ctx.organisationId, input.id);
      if (ctx.reach === 'remit') {
        await requireOwnTeam(ctx, current.ownerTeamId ?? '', 'kpi.edit', 'This KPI');
        await requireOwnTeam(ctx, input.ownerTeamId ?? '', 'kpi.edit', 'The new owner team');
      }
      return ctx.db.transaction().execute(async (db) => {
        const change = await updateKpi(db, ctx.organisationId, input);
        await audit(db, ctx, 'kpi.updated', { type: 'kpi', id: input.id }, change);
        return change.after;
      });
    }),
});
