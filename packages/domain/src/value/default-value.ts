import type { BandLtvEstimate, ChurnRegressionEstimate, ValueEstimate, ValuePerPointChoice } from './value.schema.ts';

/** Below this many customers a churn regression's slope is too noisy to price a KPI with. */
export const MIN_REGRESSION_CUSTOMERS = 100;
/**
 * The usual events-per-variable floor for logistic regression (Peduzzi et al., 1996): at
 * least 10 of the rarer outcome per slope, or the coefficients are biased and their
 * intervals too narrow.
 */
export const MIN_EVENTS_PER_SLOPE = 10;

/** A churn regression that converged on enough customers and enough of each outcome. */
export function isReliableRegression(estimate: ChurnRegressionEstimate): boolean {
  const { converged, churned, coefficients } = estimate.detail;
  const rarer = Math.min(churned, estimate.nCustomers - churned);
  return converged && estimate.nCustomers >= MIN_REGRESSION_CUSTOMERS && rarer >= MIN_EVENTS_PER_SLOPE * (coefficients.length - 1);
}

function latest<T extends ValueEstimate>(estimates: readonly T[]): T | undefined {
  return estimates.reduce<T | undefined>((best, e) => (best === undefined || e.periodEnd > best.periodEnd ? e : best), undefined);
}

/**
 * The value per point a KPI's value link uses. An entered value overrides; otherwise the churn
 * regression when it is reliable (it uses each customer's own score and revenue), else band
 * LTV. The model's pick is returned as `estimate` even when the entered value wins, so both
 * can be shown. Null when there is neither an entered value nor a usable estimate.
 */
export function defaultValuePerPoint(entered: number | null, estimates: readonly ValueEstimate[]): ValuePerPointChoice | null {
  const regression = latest(
    estimates.filter((e): e is ChurnRegressionEstimate => e.method === 'churn_regression' && isReliableRegression(e)),
  );
  const band = latest(estimates.filter((e): e is BandLtvEstimate => e.method === 'band_ltv'));
  const estimate = regression ?? band;
  if (entered !== null) return estimate ? { value: entered, source: 'entered', estimate } : { value: entered, source: 'entered' };
  return estimate ? { value: estimate.valuePerPoint, source: estimate.method, estimate } : null;
}

/** An entered value per point that lies outside the value model's 95% interval, with both figures. */
export interface ValueDivergence {
  entered: number;
  modelled: number;
  ciLow: number;
  ciHigh: number;
  method: ValueEstimate['method'];
  /** Entered ÷ modelled: 117 means the entered value is 117 times the model's. */
  ratio: number | null;
}

/**
 * Whether an entered value per point disagrees with the organisation's own data: it lies outside
 * the 95% interval of the estimate the model would use. Null when nothing is entered, there is
 * no estimate, or the entered value is within it.
 */
export function valueDivergence(entered: number | null, estimates: readonly ValueEstimate[]): ValueDivergence | null {
  const estimate = defaultValuePerPoint(null, estimates)?.estimate;
  if (entered === null || !estimate) return null;
  if (entered >= estimate.ciLow && entered <= estimate.ciHigh) return null;
  return {
    entered,
    modelled: estimate.valuePerPoint,
    ciLow: estimate.ciLow,
    ciHigh: estimate.ciHigh,
    method: estimate.method,
    ratio: estimate.valuePerPoint !== 0 ? entered / estimate.valuePerPoint : null,
  };
}

const pounds = (x: number) => {
  const whole = Math.round(x);
  return `${whole < 0 ? '−' : ''}£${Math.abs(whole).toLocaleString('en-GB')}`;
};

/**
 * The divergence in words, for the KPI page, the investment case and the scorecard. "N× the
 * model" only when the model's whole interval is above zero: against an estimate that cannot be
 * told from nothing a ratio means nothing.
 */
export function describeDivergence(d: ValueDivergence): string {
  const times =
    d.ciLow > 0 && d.ratio !== null && Math.abs(d.ratio) >= 2
      ? ` (${Math.abs(d.ratio) >= 10 ? Math.round(d.ratio) : d.ratio.toFixed(1)}× the model)`
      : '';
  return `Entered ${pounds(d.entered)} per point lies outside the value model's 95% interval ${pounds(d.ciLow)}–${pounds(d.ciHigh)} (estimate ${pounds(d.modelled)})${times}.`;
}
