import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  dayIn,
  describeDivergence,
  DomainError,
  selectionOf,
  valueDivergence,
  ZId,
  ZKpiDefinition,
  ZKpiInput,
  ZKpiCardResults,
  ZKpiResults,
  ZKpiUpdateInput,
  ZPeriodParams,
  type KpiInput,
} from '@throughline/domain';
import {
  buildKpiDashboard,
  buildKpiResults,
  createKpi,
  getKpi,
  kpiViewVersion,
  listKpis,
  listValueEstimates,
  recomputeKpi,
  updateKpi,
  type Db,
} from '@throughline/db';
import { requireOwnTeam } from '../access/remit-scope.ts';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { authorizedProcedure, router } from '../trpc.ts';

/**
 * An entered value per point outside the value model's 95% interval stands only with a reason
 * (kept with the KPI and in the audit event). Asked when the value is new or changed, so an edit
 * of something else does not trip on a model refitted since.
 */
async function requireReasonForDivergence(
  db: Db,
  organisationId: string,
  kpiId: string | null,
  input: Pick<KpiInput, 'valuePerPoint'> & { valuePerPointReason?: string | null | undefined },
  storedValue: number | null,
): Promise<void> {
  if (input.valuePerPoint === null || input.valuePerPoint === storedValue || input.valuePerPointReason) return;
  const estimates = kpiId ? await listValueEstimates(db, organisationId, kpiId) : [];
  const divergence = valueDivergence(input.valuePerPoint, estimates);
  if (!divergence) return;
  throw new DomainError('BAD_REQUEST', `${describeDivergence(divergence)} Say why this value should stand.`, [
    { path: 'valuePerPointReason', message: 'is required when the entered value lies outside the value model’s 95% interval' },
  ]);
}

/**
 * A view read from stored results, built once per fingerprint of what it reads (and per day in
 * the organisation's zone) and shared by every caller until a run, an edit or the date moves it.
 */
async function storedView<T>(ctx: Context & { organisationId: string }, view: string, input: unknown, build: () => Promise<T>): Promise<T> {
  const { timeZone, version } = await kpiViewVersion(ctx.db, ctx.organisationId);
  const key = JSON.stringify([ctx.organisationId, view, version, dayIn(timeZone, ctx.now()), input]);
  return ctx.views.view(key, build);
}

export const kpiRouter = router({
  /** Every KPI the organisation has defined: what it measures, who owns it, its target. */
  list: authorizedProcedure('kpi.read', 'stored')
    .output(z.array(ZKpiDefinition))
    .query(({ ctx }) => listKpis(ctx.db, ctx.organisationId)),

  /**
   * A KPI's headline (the last complete period unless a period or a from–to range is asked for)
   * with its status, the change from the window before with its test, the period still running
   * as "to date", the stored series with each period marked complete, and the headline by segment.
   */
  results: authorizedProcedure('kpi.read', 'stored')
    .input(z.object({ kpiId: ZId, periods: z.number().int().min(1).max(400).default(60) }).and(ZPeriodParams))
    .output(ZKpiResults)
    .query(async ({ ctx, input }) =>
      storedView(ctx, 'kpi.results', input, async () => {
        const kpi = await getKpi(ctx.db, ctx.organisationId, input.kpiId);
        return buildKpiResults(ctx.db, ctx.organisationId, kpi, selectionOf(input), { now: ctx.now(), periods: input.periods });
      }),
    ),

  /**
   * Every KPI's card at once — headline, status, to date, change and the latest periods for a
   * sparkline — in a few statements whatever the number of KPIs, read from the stored figures.
   */
  dashboard: authorizedProcedure('kpi.read', 'stored')
    .input(
      z
        .object({ periods: z.number().int().min(1).max(60).default(12) })
        .and(ZPeriodParams)
        .default({ periods: 12 }),
    )
    .output(z.array(ZKpiCardResults))
    .query(({ ctx, input }) =>
      storedView(ctx, 'kpi.dashboard', input, async () =>
        buildKpiDashboard(ctx.db, ctx.organisationId, await listKpis(ctx.db, ctx.organisationId), selectionOf(input), {
          now: ctx.now(),
          periods: input.periods,
        }),
      ),
    ),

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
        await requireReasonForDivergence(db, ctx.organisationId, null, input, null);
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
        await requireReasonForDivergence(db, ctx.organisationId, input.id, input, current.valuePerPoint);
        const change = await updateKpi(db, ctx.organisationId, input);
        await audit(db, ctx, 'kpi.updated', { type: 'kpi', id: input.id }, change);
        return change.after;
      });
    }),
});
