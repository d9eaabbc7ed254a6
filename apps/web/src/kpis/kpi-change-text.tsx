import type { KpiResults } from '@throughline/domain';

/**
 * The movement from the window before, in the API's plain words, which name the test beside
 * its p-value ("up 4.2 NPS, not significant (p = 0.321, adjusted-Wald difference), n = 120 →
 * 130"); below the minimum sample they say there were too few to test.
 */
export function KpiChangeText({ results }: { results: KpiResults }) {
  const { change } = results;
  if (!change) return <>No earlier period with answers to compare with.</>;
  return (
    <>
      <span className="kpi-change__since">Since {change.fromLabel}:</span> {change.description}
    </>
  );
}
