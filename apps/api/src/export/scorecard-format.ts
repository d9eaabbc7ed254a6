import type { Scorecard, ScorecardJourney } from '@throughline/domain';

type Kpi = ScorecardJourney['kpis'][number];

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const formatMoney = (x: number | null) => (x === null ? '—' : money.format(x));
export const formatNumber = (x: number | null) => (x === null ? '—' : oneDecimal.format(x));

/** Where a value per point came from, as the scorecard says it. */
export function valueSourceLabel(k: Kpi): string {
  switch (k.valuePerPointSource) {
    case 'entered':
      return k.valuePerPointDivergence ? 'entered (outside the model’s interval)' : 'entered';
    case 'band_ltv':
      return 'value model (band lifetime value)';
    case 'churn_regression':
      return 'value model (churn regression)';
    case null:
      return 'none';
  }
}

export function formatInterval(k: Kpi): string {
  if (!k.latest || k.latest.ciLow === null || k.latest.ciHigh === null) return '—';
  return `${formatNumber(k.latest.ciLow)} to ${formatNumber(k.latest.ciHigh)}`;
}

/** The scorecard's totals across journeys, for its first lines. */
export function scorecardTotals(s: Scorecard) {
  return {
    valueAtStake: s.journeys.reduce((sum, j) => sum + j.valueAtStake, 0),
    backlogValue: s.journeys.reduce((sum, j) => sum + j.backlog.annualValue, 0),
    implemented: s.journeys.reduce((sum, j) => sum + j.delivered.implemented, 0),
    outcomesAchieved: s.journeys.reduce((sum, j) => sum + j.delivered.outcomesAchieved, 0),
    outcomes: s.journeys.reduce((sum, j) => sum + j.delivered.outcomes, 0),
  };
}
