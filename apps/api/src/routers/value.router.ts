import { z } from 'zod';
import {
  defaultValuePerPoint,
  describeDivergence,
  DomainError,
  valueDivergence,
  ZId,
  ZValueDivergence,
  ZValueEstimate,
  ZValuePerPointChoice,
} from '@throughline/domain';
import { getKpi, isScoreKpi, listValueEstimates, refitValueModel, type RefitResult } from '@throughline/db';
import { audit } from '../audit.ts';
import { authorizedProcedure, router } from '../trpc.ts';

const ZKpiValueModel = z.object({
  kpiId: ZId,
  /** Whether the KPI is a score the value model can price at all. */
  modelled: z.boolean(),
  entered: z.number().nullable(),
  estimates: z.array(ZValueEstimate.and(z.object({ fittedAt: z.string() }))),
  /** What the KPI's value link uses: the entered value when there is one, the model's pick otherwise. */
  choice: ZValuePerPointChoice.nullable(),
  /** The entered value when it lies outside the model's 95% interval, with both figures, and why it stands. */
  divergence: ZValueDivergence.nullable(),
  reason: z.string().nullable(),
});

export const valueRouter = router({
  /** A KPI's value per point: the entered value and both estimators, side by side. */
  kpi: authorizedProcedure('value.read')
    .input(z.object({ kpiId: ZId }))
    .output(ZKpiValueModel)
    .query(async ({ ctx, input }) => {
      const kpi = await getKpi(ctx.db, ctx.organisationId, input.kpiId);
      const stored = await listValueEstimates(ctx.db, ctx.organisationId, kpi.id);
      const estimates = stored.map(({ kpiId: _kpiId, ...e }) => e);
      const divergence = valueDivergence(kpi.valuePerPoint, estimates);
      return {
        kpiId: kpi.id,
        modelled: isScoreKpi(kpi),
        entered: kpi.valuePerPoint,
        estimates,
        choice: defaultValuePerPoint(kpi.valuePerPoint, estimates),
        divergence: divergence ? { ...divergence, description: describeDivergence(divergence) } : null,
        reason: kpi.valuePerPointReason,
      };
    }),

  /** Refits now rather than at the nightly run; says why an estimator was left out. */
  refit: authorizedProcedure('value.refit')
    .input(z.object({ kpiId: ZId }))
    .output(z.object({ kpiId: ZId, methods: z.array(z.enum(['band_ltv', 'churn_regression'])), problems: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      const kpi = await getKpi(ctx.db, ctx.organisationId, input.kpiId);
      if (!isScoreKpi(kpi))
        throw new DomainError(
          'PRECONDITION_FAILED',
          'Only NPS, CSAT and CES KPIs have a value model; enter a value per point for this one.',
        );
      const outcome = (result: RefitResult) => ({
        kpiId: kpi.id,
        methods: result.estimates.map((e) => e.method),
        problems: result.problems,
      });
      // Saved and audited in one transaction; the fit before it holds none.
      const result = await refitValueModel(ctx.db, ctx.organisationId, kpi, ctx.now(), (trx, r) =>
        audit(trx, ctx, 'value.refitted', { type: 'kpi', id: kpi.id }, { after: outcome(r) }).then(() => undefined),
      );
      return outcome(result);
    }),
});
