import type { InvestmentFigures } from '@throughline/domain';
import { formatGbp } from '../common/locale-format.ts';

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** ROI over the horizon as a percentage: 1.25 → "+125%". */
export function formatRoi(roi: number | null): string {
  return roi === null ? 'Not yet known' : percent.format(roi);
}

/** "14.2 months", or why there is no payback (in a word, for a table cell). */
export function formatPayback(months: number | null, annualValue: number | null, short = false): string {
  if (months !== null) return `${oneDecimal.format(months)} ${months === 1 ? 'month' : 'months'}`;
  if (annualValue === null) return short ? 'Not known' : 'Not yet known';
  return short ? 'Never' : 'Never: it costs more to run than it returns';
}

/** The priority score as the pounds each pound returns, or a dash-free "None yet". */
export function formatPriority(priority: number | null): string {
  return priority === null ? 'None yet' : twoDecimals.format(priority);
}

export function formatOptionalGbp(amount: number | null): string {
  return amount === null ? 'Not yet known' : formatGbp(amount);
}

/** Where a case's value per point comes from, in words. */
export function valueSourceText(figures: Pick<InvestmentFigures, 'valuePerPointSource'>, kpiName: string | null): string {
  const kpi = kpiName ? `“${kpiName}”` : 'the KPI';
  switch (figures.valuePerPointSource) {
    case 'override':
      return 'Entered for this case, overriding the KPI’s own value.';
    case 'kpi_entered':
      return `The value per point entered on ${kpi}.`;
    case 'value_model':
      return `Estimated by the value model from your own customers’ data for ${kpi}.`;
    default:
      return kpiName
        ? `${kpi} has no value per point yet: enter one here, or set it on the KPI.`
        : 'Choose the KPI the uplift is promised on.';
  }
}

/** What a funding decision commits: one-off costs plus a year of running costs. */
export function totalCost(figures: Pick<InvestmentFigures, 'oneOff' | 'annualRunning'>): number {
  return figures.oneOff + figures.annualRunning;
}
