import { z } from 'zod';
import { ZId, ZMoney } from '../common/common.schema.ts';

/**
 * One customer as the value model sees them: their latest score on the KPI's instrument,
 * whether they churned in the period that followed, and their annual revenue (as of the
 * score, so a churned customer's revenue is the revenue lost) and cost to serve. All money
 * is in the organisation's currency, major units. A missing cost to serve counts as 0: the
 * worker sums cost events per customer, and a customer with none cost nothing recorded.
 */
export const ZCustomerOutcome = z.object({
  customerId: z.string().min(1).max(200),
  score: z.number().finite(),
  churned: z.boolean(),
  revenue: ZMoney,
  costToServe: ZMoney.optional(),
});
export type CustomerOutcome = z.infer<typeof ZCustomerOutcome>;

export const VALUE_METHODS = ['band_ltv', 'churn_regression'] as const;
export const ZValueMethod = z.enum(VALUE_METHODS);
export type ValueMethod = z.infer<typeof ZValueMethod>;

/** One coefficient of a logistic regression, on the log-odds scale, with its 95% Wald interval. */
export const ZLogisticCoefficient = z.object({
  name: z.string(),
  estimate: z.number().finite(),
  standardError: z.number().finite().nonnegative(),
  ciLow: z.number().finite(),
  ciHigh: z.number().finite(),
  z: z.number().finite(),
  /** Two-sided, against a coefficient of 0. */
  pValue: z.number().min(0).max(1),
});
export type LogisticCoefficient = z.infer<typeof ZLogisticCoefficient>;

/** Why a fit stopped without converging: perfect prediction (no finite MLE) or running out of steps. */
export const ZFitProblem = z.enum(['separation', 'max_iterations']);
export type FitProblem = z.infer<typeof ZFitProblem>;

/**
 * A score scale cut into bottom / middle / top bands: NPS detractor 0–6, passive 7–8,
 * promoter 9–10; CSAT and CES top-box / middle / bottom as the KPI defines its box. Scores
 * ≤ bottomMax are bottom, ≥ topMin are top, the rest middle (absent when topMin = bottomMax + 1).
 */
export const ZBandThresholds = z
  .object({
    scaleMin: z.number().finite(),
    bottomMax: z.number().finite(),
    topMin: z.number().finite(),
    scaleMax: z.number().finite(),
    labels: z.object({ bottom: z.string(), middle: z.string(), top: z.string() }),
  })
  .refine((t) => t.scaleMin <= t.bottomMax && t.bottomMax < t.topMin && t.topMin <= t.scaleMax, {
    message: 'needs scaleMin ≤ bottomMax < topMin ≤ scaleMax',
  });
export type BandThresholds = z.infer<typeof ZBandThresholds>;

export const ZBand = z.enum(['bottom', 'middle', 'top']);
export type Band = z.infer<typeof ZBand>;

/** One band's row of the band-LTV table: annual value per customer = retention × revenue − cost to serve. */
export const ZBandRow = z.object({
  band: ZBand,
  label: z.string(),
  scoreMin: z.number(),
  scoreMax: z.number(),
  n: z.number().int().nonnegative(),
  churned: z.number().int().nonnegative(),
  retention: z.number().min(0).max(1),
  revenuePerCustomer: z.number().finite(),
  costPerCustomer: z.number().finite(),
  valuePerCustomer: z.number().finite(),
  ciLow: z.number().finite(),
  ciHigh: z.number().finite(),
});
export type BandRow = z.infer<typeof ZBandRow>;

const valueEstimateBase = {
  /** Currency units per point of the KPI, per year. */
  valuePerPoint: z.number().finite(),
  ciLow: z.number().finite(),
  ciHigh: z.number().finite(),
  nCustomers: z.number().int().nonnegative(),
  /** The window of scores and outcomes the estimate was fitted on (ISO dates). */
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
};

export const ZBandLtvDetail = z.object({
  bands: z.array(ZBandRow),
  thresholds: ZBandThresholds,
  /** Weighted mean gain of one customer moving up one band (see band-value.ts). */
  upliftPerMover: z.number().finite(),
  /** Stratified bootstrap settings, so the interval can be reproduced exactly. */
  resamples: z.number().int().positive(),
  seed: z.number().int(),
});
export type BandLtvDetail = z.infer<typeof ZBandLtvDetail>;

export const ZChurnRegressionDetail = z.object({
  /** Intercept, score, then any controls, in that order. */
  coefficients: z.array(ZLogisticCoefficient),
  converged: z.boolean(),
  problem: ZFitProblem.nullable(),
  iterations: z.number().int().nonnegative(),
  logLikelihood: z.number().finite(),
  /** Customers who churned; with nCustomers − churned this bounds how many controls the data supports. */
  churned: z.number().int().nonnegative(),
  /** The delta-method standard error of valuePerPoint. */
  standardError: z.number().finite().nonnegative(),
  /** Customers at this score cannot move up a point and contribute nothing; null = no cap. */
  scaleMax: z.number().nullable(),
  /**
   * How far the KPI moves when every customer's score rises one point (e.g. NPS points); the
   * value per point is per KPI point once divided by it. Absent for a raw per-score estimate.
   */
  kpiPointsPerScorePoint: z.number().positive().optional(),
});
export type ChurnRegressionDetail = z.infer<typeof ZChurnRegressionDetail>;

/** One estimator's answer to "what is a point of this KPI worth?", with its 95% interval. */
export const ZValueEstimate = z.discriminatedUnion('method', [
  z.object({ method: z.literal('band_ltv'), ...valueEstimateBase, detail: ZBandLtvDetail }),
  z.object({ method: z.literal('churn_regression'), ...valueEstimateBase, detail: ZChurnRegressionDetail }),
]);
export type ValueEstimate = z.infer<typeof ZValueEstimate>;
export type BandLtvEstimate = Extract<ValueEstimate, { method: 'band_ltv' }>;
export type ChurnRegressionEstimate = Extract<ValueEstimate, { method: 'churn_regression' }>;

/** A KPI's value model as last fitted: both estimators, side by side. */
export const ZValueModelResult = z.object({
  kpiId: ZId,
  estimates: z.array(ZValueEstimate),
  fittedAt: z.iso.datetime({ offset: true }),
});
export type ValueModelResult = z.infer<typeof ZValueModelResult>;

export const ZValueSource = z.enum(['entered', ...VALUE_METHODS]);
export type ValueSource = z.infer<typeof ZValueSource>;

/** The value per point a KPI's value link uses, where it came from, and the model's estimate beside it. */
export const ZValuePerPointChoice = z.object({
  value: z.number().finite(),
  source: ZValueSource,
  estimate: ZValueEstimate.optional(),
});
export type ValuePerPointChoice = z.infer<typeof ZValuePerPointChoice>;

/** An entered value per point outside the model's 95% interval: both figures and the divergence in words. */
export const ZValueDivergence = z.object({
  entered: z.number(),
  modelled: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  method: z.enum(VALUE_METHODS),
  ratio: z.number().nullable(),
  description: z.string(),
});
