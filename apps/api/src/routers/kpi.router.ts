import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { changeUnit, compareKpi, describeChange, ZId, ZKpiDefinition, ZKpiInput, ZKpiResults, ZKpiUpdateInput } from '@throughline/domain';
import { createKpi, getKpi, kpiRunStates, listKpiResults, listKpis, periodAggregates, recomputeKpi, updateKpi } from '@throughline/db';
import { requireOwnTeam } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

export const kpiRouter = router({
  /** Every KPI the organisation has defined: what it measures, who owns it, its target. */
  list: authorizedProcedure('kpi.read')
    .output(z.array(ZKpiDefinition))
    .query(({ ctx }) => listKpis(ctx.db, ctx.organisationId)),

  /**
   * A KPI's values by period with their intervals, the latest period by segment, and the
   * change from the period before with its significance in plain words.
   */
  results: authorizedProcedure('kpi.read')
    .input(z.object({ kpiId: ZId, periods: z.number().int().min(1).max(400).default(60) }))
    .output(ZKpiResults)
    .query(async ({ ctx, input }) => {
      const kpi = await getKpi(ctx.db, ctx.organisationId, input.kpiId);
      const [series, state] = await Promise.all([
        listKpiResults(ctx.db, ctx.organisationId, kpi.id, { segment: '', limit: input.periods }),
        kpiRunStates(ctx.db, ctx.organisationId).then((states) => states.find((s) => s.kpiId === kpi.id)),
      ]);
      const latest = series.at(-1);
      const previous = series.at(-2);
      const segments = latest ? (await listKpiResults(ctx.db, ctx.organisationId, kpi.id, { limit: 1_000 })).filter((p) => p.periodStart === latest.periodStart && p.segment !== '') : [];
      let change = null;
      if (latest && previous) {
        const sums = await periodAggregates(ctx.db, kpi.id, kpi.grain, [previous.periodStart, latest.periodStart]);
        const before = sums.get(previous.periodStart);
        const after = sums.get(latest.periodStart);
        const test = before && after ? compareKpi(kpi.kind, before, after) : null;
        if (test) {
          change = {
            from: previous.periodStart,
            to: latest.periodStart,
            difference: test.difference,
            pValue: test.pValue,
            significant: test.significant,
            description: describeChange(test, changeUnit(kpi.kind, kpi.unit), latest.n),
          };
        }
      }
      return { series, segments, change, lastRunAt: state?.lastRunAt.toISOString() ?? null };
    }),

  /** Recomputes a KPI now, in full, instead of waiting for its schedule. */
  recompute: authorizedProcedure('kpi.compute')
    .input(z.object({ kpiId: ZId }))
    .output(z.object({ results: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const kpi = await getKpi(ctx.db, ctx.organisationId, input.kpiId);
      if (ctx.reach === 'remit') await requireOwnTeam(ctx, kpi.ownerTeamId ?? '', 'kpi.compute', 'This KPI');
      return ctx.db.transaction().execute(async (db) => {
        const outcome = await recomputeKpi(db, ctx.organisationId, kpi, { full: true, now: ctx.now(), runId: randomUUID() });
        await audit(db, ctx, 'kpi.recomputed', { type: 'kpi', id: kpi.id }, { after: outcome });
        return { results: outcome.results };
      });
    }),

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
