import type { ScorecardKpi } from '@throughline/domain';
import { formatGbp } from '../common/locale-format.ts';

const SOURCE: Record<NonNullable<ScorecardKpi['valuePerPointSource']>, string> = {
  entered: 'entered on the KPI',
  band_ltv: 'value model (band lifetime value)',
  churn_regression: 'value model (churn regression)',
};

/** Where the value per point behind a row's value at stake came from, in words. */
export function valueSourceLabel(source: ScorecardKpi['valuePerPointSource']): string | null {
  return source ? SOURCE[source] : null;
}

/** What the gap to target is worth, or why there is no figure (no claim is made below the minimum sample). */
export function stakeText(k: Pick<ScorecardKpi, 'valueAtStake' | 'latest' | 'target' | 'valuePerPoint' | 'status' | 'period'>): string {
  if (k.valueAtStake !== null) return k.valueAtStake === 0 ? '£0 (target met)' : `${formatGbp(k.valueAtStake)} a year`;
  if (k.latest === null) return 'No value yet';
  if (k.status === 'too_few') return 'None: too few answers';
  if (!k.period.complete) return 'None until the period is complete';
  if (k.target === null) return 'No target';
  if (k.valuePerPoint === null) return 'No value per point';
  return 'None';
}

/** "Dec 2026 to date: +41.2, n = 21" from the row's running period. */
export function toDateLabel(label: string): string {
  return label.replace(/ \(to date\)$/, '');
}
