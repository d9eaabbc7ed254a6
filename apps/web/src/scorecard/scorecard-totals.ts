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
    outcomesAchieved: sum((j) => j.delivered.outcomesAchieved),
    outcomes: sum((j) => j.delivered.outcomes),
    kpisOnTarget: kpis.filter((k) => k.status === 'on_target').length,
    kpisJudged: kpis.filter((k) => isJudged(k.status)).length,
    kpisTooFew: kpis.filter((k) => k.status === 'too_few').length,
    journeysWithoutOwner: scorecard.journeys.filter((j) => !j.owner).length,
  };
}
