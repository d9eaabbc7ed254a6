import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { formatKpiValue, formatPeriod } from './kpi-format.ts';

/** "Dec 2026 to date: +41.2, n = 21": the period still running, beside the headline, never as it. */
export function toDateText(kpi: Pick<KpiDefinition, 'kind' | 'unit' | 'grain'>, toDate: NonNullable<KpiResults['toDate']>): string {
  return `${formatPeriod(toDate.periodStart, kpi.grain)} to date: ${formatKpiValue(kpi, toDate.value.value)}, n = ${formatCount(toDate.value.n)}`;
}

/** The headline window's name, saying so when it is still running (a chosen current period). */
export function headlineLabel(headline: KpiResults['headline']): string {
  return headline.complete ? headline.label : `${headline.label} (to date: still running)`;
}
