import { isJudged, type Scorecard } from '@throughline/domain';

export interface ScorecardTotals {
  journeys: number;
  /** What closing every KPI's gap to target is worth a year. */
  valueAtStake: number;
  /** The annual cost of the failure points the scorecard lists (each journey's costliest). */
  failureCost: number;
  initiatives: number;
  backlogValue: number;
  implemented: number;
  /** Measured initiatives, their realised value a year and its 95% interval: what the backlog has been shown to deliver. */
  measured: number;
  realisedAnnualValue: number;
  realisedLow: number;
  realisedHigh: number;
  /** What delivered initiatives not yet measured expect a year: never counted as realised. */
  awaitingMeasurement: number;
  outcomesAchieved: number;
  outcomes: number;
  kpisOnTarget: number;
  /** KPIs judged against target: a value, a target and enough answers. */
  kpisJudged: number;
  /** KPIs below their minimum sample in the window, so not judged. */
  kpisTooFew: number;
  journeysWithoutOwner: number;
}

/** The organisation's line across every journey, for the top of the scorecard. */
export function scorecardTotals(scorecard: Scorecard): ScorecardTotals {
  const sum = (f: (j: Scorecard['journeys'][number]) => number) => scorecard.journeys.reduce((total, j) => total + f(j), 0);
  const kpis = scorecard.journeys.flatMap((j) => j.kpis);
  return {
    journeys: scorecard.journeys.length,
    valueAtStake: sum((j) => j.valueAtStake),
    failureCost: sum((j) => j.topFailurePoints.reduce((t, f) => t + f.annualCost, 0)),
    initiatives: sum((j) => j.backlog.initiatives),
    backlogValue: sum((j) => j.backlog.annualValue),
    implemented: sum((j) => j.delivered.implemented),
    ...realisedAcross(scorecard.journeys.map((j) => j.delivered)),
    awaitingMeasurement: sum((j) => j.delivered.awaitingMeasurement),
    outcomesAchieved: sum((j) => j.delivered.outcomesAchieved),
    outcomes: sum((j) => j.delivered.outcomes),
    kpisOnTarget: kpis.filter((k) => k.status === 'on_target').length,
    kpisJudged: kpis.filter((k) => isJudged(k.status)).length,
    kpisTooFew: kpis.filter((k) => k.status === 'too_few').length,
    journeysWithoutOwner: scorecard.journeys.filter((j) => !j.owner).length,
  };
}

type Delivered = Scorecard['journeys'][number]['delivered'];

/**
 * The journeys' realised values added up. Their estimates are independent, so the interval of the
 * sum adds each side's half-widths in quadrature, as the domain's benefits sums do per journey.
 */
function realisedAcross(delivered: readonly Delivered[]) {
  const measured = delivered.filter((d) => d.measured > 0);
  const value = measured.reduce((t, d) => t + d.realisedAnnualValue, 0);
  const below = Math.sqrt(measured.reduce((t, d) => t + (d.realisedAnnualValue - d.realisedLow) ** 2, 0));
  const above = Math.sqrt(measured.reduce((t, d) => t + (d.realisedHigh - d.realisedAnnualValue) ** 2, 0));
  return {
    measured: measured.reduce((t, d) => t + d.measured, 0),
    realisedAnnualValue: value,
    realisedLow: value - below,
    realisedHigh: value + above,
  };
}
