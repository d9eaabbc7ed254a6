import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { changeWords } from './kpi-change-words.ts';

/**
 * The movement from the window before, in the API's plain words, which name the test beside
 * its p-value ("up 4.2 NPS, not significant (p = 0.321, adjusted-Wald difference), n = 120 →
 * 130"); below the minimum sample they say there were too few to test. A count, sum, ratio or
 * quantile has no test: its movement is put in the KPI's own format ("down £0.36 per contact").
 */
export function KpiChangeText({ kpi, results }: { kpi: Pick<KpiDefinition, 'kind' | 'unit'>; results: Pick<KpiResults, 'change'> }) {
  const { change } = results;
  if (!change) return <>No earlier period with answers to compare with.</>;
  return (
    <>
      <span className="kpi-change__since">Since {change.fromLabel}:</span> {changeWords(kpi, change)}
    </>
  );
}
