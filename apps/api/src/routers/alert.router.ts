import { z } from 'zod';
import { ZId } from '@throughline/domain';
import { acknowledgeAlert, getKpi, listAlerts } from '@throughline/db';
import { requireOwnTeam } from '../access/remit-scope.ts';
import { actorName } from '../actor-name.ts';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const ZAlert = z.object({
  id: ZId,
  kpiId: ZId,
  kpiKey: z.string(),
  kpiName: z.string(),
  periodStart: z.string(),
  /** The period in words ("Nov 2026", "week of 23 Nov 2026"). */
  periodLabel: z.string(),
  kind: z.enum(['threshold', 'target']),
  value: z.number(),
  line: z.number(),
  n: z.number().int(),
  /** The 95% interval that lay wholly past the line when the alert was raised (null for kinds without one). */
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const alertRouter = router({
  /** KPIs past their warning threshold or short of target, newest period first. */
  list: authorizedProcedure('kpi.read')
    .input(
      z
        .object({ includeResolved: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) })
        .default({ includeResolved: false, limit: 100 }),
    )
    .output(z.array(ZAlert))
    .query(({ ctx, input }) => listAlerts(ctx.db, ctx.organisationId, input)),

  /** Someone has seen the alert and is on it; it stays until the KPI recovers. */
  acknowledge: authorizedProcedure('kpi.edit')
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const [alert] = (await listAlerts(ctx.db, ctx.organisationId, { includeResolved: true, limit: 500 })).filter(
        (a) => a.id === input.id,
      );
      if (alert && ctx.reach === 'remit') {
        const kpi = await getKpi(ctx.db, ctx.organisationId, alert.kpiId);
        await requireOwnTeam(ctx, kpi.ownerTeamId ?? '', 'kpi.edit', 'This KPI');
      }
      return ctx.db.transaction().execute(async (db) => {
        await acknowledgeAlert(db, ctx.organisationId, input.id, await actorName(db, ctx.actor), ctx.now());
        await audit(db, ctx, 'alert.acknowledged', { type: 'kpi_alert', id: input.id });
        return { ok: true as const };
      });
    }),
});
