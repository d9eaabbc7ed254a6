import { DomainError } from '../common/domain-error.ts';
import { runAtOnce, type SlicedWork } from '../common/sliced-work.ts';
import { bandLtvSteps, CES_BANDS, CSAT_5_BANDS, NPS_BANDS } from './band-value.ts';
import { churnRegressionSteps } from './churn-value.ts';
import type { SurveyScale } from '../kpi/kpi.schema.ts';
import type { BandThresholds, ChurnRegressionEstimate, CustomerOutcome, ValueEstimate } from './value.schema.ts';

export type ScoreKind = 'nps' | 'csat' | 'ces';

export const SCORE_BANDS: Record<ScoreKind, BandThresholds> = { nps: NPS_BANDS, csat: CSAT_5_BANDS, ces: CES_BANDS };

/**
 * The bands of a score KPI on its stated scale. A CSAT's top band is its stated box; the band
 * just below it is neutral, everything lower dissatisfied (on 1–5 with 4–5 that is 1–2 / 3 / 4–5).
 */
export function scoreBands(kind: ScoreKind, scale?: SurveyScale): BandThresholds {
  if (kind !== 'csat' || !scale) return SCORE_BANDS[kind];
  return { ...CSAT_5_BANDS, scaleMax: scale.max, topMin: scale.positiveFrom, bottomMax: scale.positiveFrom - 2 };
}

/** The KPI computed from raw scores, as the engine computes it: NPS, the CSAT box, mean CES. */
export function kpiOfScores(kind: ScoreKind, scores: readonly number[], scale?: SurveyScale): number {
  if (scores.length === 0) return 0;
  const share = (test: (s: number) => boolean) => (100 * scores.filter(test).length) / scores.length;
  if (kind === 'nps') return share((s) => s >= 9) - share((s) => s <= 6);
  if (kind === 'csat') return share((s) => s >= scoreBands('csat', scale).topMin);
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * How many KPI points one more score point for everyone is worth, capped at the scale's top:
 * for NPS only the 6s and 8s change band, so it is 100·(n₆ + n₈)/N; for a mean it is about 1.
 */
export function kpiPointsPerScorePoint(kind: ScoreKind, scores: readonly number[], scale?: SurveyScale): number {
  const top = scoreBands(kind, scale).scaleMax;
  return (
    kpiOfScores(
      kind,
      scores.map((s) => Math.min(top, s + 1)),
      scale,
    ) - kpiOfScores(kind, scores, scale)
  );
}

/**
 * The churn regression priced per KPI point. PRODUCT.md's formula values every customer's score
 * rising by one; a KPI link needs the value of one point of the KPI, so the value and its interval
 * are divided by how far that rise moves the KPI.
 */
export function perKpiPoint(
  estimate: ChurnRegressionEstimate,
  kind: ScoreKind,
  scores: readonly number[],
  scale?: SurveyScale,
): ChurnRegressionEstimate {
  const points = kpiPointsPerScorePoint(kind, scores, scale);
  if (!(points > 0)) return estimate;
  return {
    ...estimate,
    valuePerPoint: estimate.valuePerPoint / points,
    ciLow: estimate.ciLow / points,
    ciHigh: estimate.ciHigh / points,
    detail: { ...estimate.detail, standardError: estimate.detail.standardError / points, kpiPointsPerScorePoint: points },
  };
}

/** Below this many customers with a known outcome neither estimator is attempted. */
export const MIN_VALUE_MODEL_CUSTOMERS = 30;

export interface ScoreValueModelFit {
  estimates: ValueEstimate[];
  problems: string[];
}

/**
 * Both estimators for a score KPI on the organisation's own customers. An estimator the data
 * cannot support (an empty band, nobody churned) is left out rather than failing the other.
 */
export function fitScoreValueModel(
  kind: ScoreKind,
  customers: readonly CustomerOutcome[],
  period: { periodStart: string; periodEnd: string },
  scale?: SurveyScale,
): ScoreValueModelFit {
  return runAtOnce(fitScoreValueModelSteps(kind, customers, period, scale));
}

/**
 * `fitScoreValueModel` in slices, none more than one pass over the customers or a few hundred
 * thousand bootstrap draws: the band bootstrap (resamples × N draws), then the regression pass by
 * pass, then its value per point.
 */
export function* fitScoreValueModelSteps(
  kind: ScoreKind,
  customers: readonly CustomerOutcome[],
  period: { periodStart: string; periodEnd: string },
  scale?: SurveyScale,
): SlicedWork<ScoreValueModelFit> {
  const bands = scoreBands(kind, scale);
  if (customers.length < MIN_VALUE_MODEL_CUSTOMERS) {
    return {
      estimates: [],
      problems: [
        `Only ${customers.length} customers have a score and a known renewal or churn; at least ${MIN_VALUE_MODEL_CUSTOMERS} are needed.`,
      ],
    };
  }
  const estimates: ValueEstimate[] = [];
  const problems: string[] = [];
  const leftOut = (what: string, error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    problems.push(`${what}: ${error.message}`);
  };
  try {
    estimates.push(yield* bandLtvSteps(customers, { thresholds: bands, ...period }));
  } catch (error) {
    leftOut('Band lifetime value', error);
  }
  yield;
  try {
    const perScorePoint = yield* churnRegressionSteps(customers, { ...period, scaleMax: bands.scaleMax });
    yield;
    estimates.push(
      perKpiPoint(
        perScorePoint,
        kind,
        customers.map((c) => c.score),
        scale,
      ),
    );
  } catch (error) {
    leftOut('Churn regression', error);
  }
  return { estimates, problems };
}
