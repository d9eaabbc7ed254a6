import { currentPeriodStart, type KpiDefinition } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { formatKpiInterval, formatKpiValue } from '../kpis/kpi-format.ts';

export interface AlertFacts {
  kind: 'threshold' | 'target';
  value: number;
  line: number;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
  periodLabel: string;
  periodStart: string;
}

type Kpi = Pick<KpiDefinition, 'kind' | 'unit' | 'direction' | 'grain'>;

/** A plain number when the KPI's definition is not to hand. */
const PLAIN: Pick<KpiDefinition, 'kind' | 'unit'> = { kind: 'mean', unit: '' };

/**
 * An alert with the interval that triggered it, in the KPI's own format and direction:
 * "+25.0 (95% CI +9.9 to +40.1) is below the warning threshold +30.0, Nov 2026, n = 120".
 * A period still running on `today` (the organisation's date) says "to date": such an alert is
 * raised once its n reaches the KPI's minimum sample.
 */
export function alertSentence(a: AlertFacts, kpi: Kpi | undefined, today?: string): string {
  const running = kpi && today ? currentPeriodStart(kpi.grain, today) === a.periodStart : false;
  const unit = kpi ?? PLAIN;
  const interval = formatKpiInterval(unit, a.ciLow, a.ciHigh);
  const side = kpi ? (kpi.direction === 'higher_is_better' ? 'below' : 'above') : 'past';
  const line = a.kind === 'threshold' ? 'the warning threshold' : 'the target';
  return `${formatKpiValue(unit, a.value)}${interval ? ` (95% CI ${interval})` : ''} is ${side} ${line} ${formatKpiValue(unit, a.line)}, ${a.periodLabel}${running ? ' (to date)' : ''}, n = ${formatCount(a.n)}`;
}
