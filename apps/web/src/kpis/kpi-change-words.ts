import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { formatKpiValue } from './kpi-format.ts';

const UNTESTED = ' (no significance test for this kind)';

/** The API's change sentence; for a kind without a test, its movement in the KPI's own format. */
export function changeWords(kpi: Pick<KpiDefinition, 'kind' | 'unit'>, change: NonNullable<KpiResults['change']>): string {
  if (!change.description.endsWith(UNTESTED)) return change.description;
  if (change.difference === 0) return `unchanged${UNTESTED}`;
  return `${change.difference > 0 ? 'up' : 'down'} ${formatKpiValue(kpi, Math.abs(change.difference))}${UNTESTED}`;
}
