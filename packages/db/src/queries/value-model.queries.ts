import { setImmediate as nextTurn } from 'node:timers/promises';
import { fitScoreValueModelSteps, surveyScale, type KpiDefinition, type SlicedWork, type ValueEstimate } from '@throughline/domain';
import type { Db } from '../database.ts';
import { customerOutcomes, saveValueEstimates, surveyPeriod } from './value-estimate.queries.ts';

export interface RefitResult {
  kpiId: string;
  estimates: ValueEstimate[];
  /** Why an estimator (or both) was left out. */
  problems: string[];
}

/** Whether a KPI is a score the value model can price: NPS, CSAT or CES from survey answers. */
export function isScoreKpi(kpi: KpiDefinition): kpi is KpiDefinition & { source: { stream: 'survey' } } {
  return kpi.source.stream === 'survey' && (kpi.kind === 'nps' || kpi.kind === 'csat' || kpi.kind === 'ces');
}

/**
 * Refits a score KPI's value model on the organisation's own customers: each customer's latest
 * score joined to what followed, both estimators, stored (idempotently) by KPI and method.
 * The read and the fit run outside any transaction (on the embedded database a transaction holds
 * the only connection, and fitting takes a second); only the save is one, with `afterSave` in it.
 */
export async function refitValueModel(
  db: Db,
  organisationId: string,
  kpi: KpiDefinition,
  now: Date,
  afterSave?: (trx: Db, result: RefitResult) => Promise<void>,
): Promise<RefitResult> {
  const result = await fitValueModel(db, organisationId, kpi);
  await db.transaction().execute(async (trx) => {
    await saveValueEstimates(trx, organisationId, kpi.id, result.estimates, now);
    await afterSave?.(trx, result);
  });
  return result;
}

async function fitValueModel(db: Db, organisationId: string, kpi: KpiDefinition): Promise<RefitResult> {
  if (!isScoreKpi(kpi)) return { kpiId: kpi.id, estimates: [], problems: ['Only NPS, CSAT and CES KPIs have a value model.'] };
  const instrument = kpi.source.instrument;
  const period = await surveyPeriod(db, organisationId, instrument);
  if (!period) return { kpiId: kpi.id, estimates: [], problems: ['No survey answers yet.'] };
  const scale = surveyScale(kpi.source);
  const where =
    kpi.scope.level === 'organisation'
      ? {}
      : { journeyId: kpi.scope.journeyId, stepId: kpi.scope.level === 'step' ? kpi.scope.stepId : undefined };
  const customers = await customerOutcomes(db, organisationId, instrument, period, { ...where, scaleMax: scale.max });
  const kind = kpi.kind as 'nps' | 'csat' | 'ces';
  const fit = fitScoreValueModelSteps(
    kind,
    customers,
    { periodStart: period.from, periodEnd: period.to },
    kind === 'csat' ? scale : undefined,
  );
  const { estimates, problems } = await betweenOtherWork(fit);
  return { kpiId: kpi.id, estimates, problems };
}

/**
 * Runs sliced work a turn of the event loop at a time. The fit is over half a second of
 * arithmetic for 20,000 customers; in one piece it would hold every other request the process
 * serves (the API answers nothing meanwhile), in slices each waits a few milliseconds.
 */
async function betweenOtherWork<T>(work: SlicedWork<T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
