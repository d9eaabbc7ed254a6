import type { KpiResults } from '@throughline/domain';

/**
 * The movement from the window before, in the API's plain words, which name the test beside
 * its p-value ("up 4.2 NPS, not significant (p = 0.321, adjusted-Wald difference), n = 120 →
 * 130"); below the minimum sample they say there were too few to test. A count, sum, ratio or
 * quantile has no test, and the API puts its movement in the KPI's own unit ("down £0.36 per
 * contact"). The same sentence as the scorecard, its CSV and its PDF: nothing is reworded here.
 */
export function KpiChangeText({ results }: { results: Pick<KpiResults, 'change'> }) {
  const { change } = results;
  if (!change) return <>No earlier period with answers to compare with.</>;
  return (
    <>
      <span className="kpi-change__since">Since {change.fromLabel}:</span> {change.description}
    </>
  );
}
