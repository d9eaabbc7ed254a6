import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { formatKpiValue, formatPeriod } from './kpi-format.ts';
import { kindLabel } from './kpi-labels.ts';

interface KpiChangeTextProps {
  kpi: KpiDefinition;
  results: KpiResults;
}

/**
 * The movement since the period before, in the API's plain words ("up 4.2 NPS, not significant
 * at n = 180"). Counts, sums, ratios and quantiles carry no test, so they get the previous value.
 */
export function KpiChangeText({ kpi, results }: KpiChangeTextProps) {
  const { change, series } = results;
  if (change) {
    return (
      <>
        <span className="kpi-change__since">Since {formatPeriod(change.from, kpi.grain)}:</span> {change.description}
      </>
    );
  }
  const previous = series.at(-2);
  if (!previous) return <>No earlier period to compare with yet.</>;
  return (
    <>
      <span className="kpi-change__since">{formatPeriod(previous.periodStart, kpi.grain)}:</span> {formatKpiValue(kpi, previous.value)}; no
      significance test for a {kindLabel(kpi.kind).toLowerCase()}.
    </>
  );
}
