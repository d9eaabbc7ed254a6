import type { Movement } from '@throughline/domain';

const count = new Intl.NumberFormat('en-GB');

/** "its KPI" for one initiative, "their KPIs" for several. */
const its = (n: number) => (n === 1 ? 'its KPI' : 'their KPIs');

/**
 * The acid test in one sentence, so initiatives that moved nothing are counted as plainly as
 * those that did: "2 implemented initiatives: 1 moved its KPI significantly, 1 did not."
 */
export function acidTestSummary(verdicts: readonly Movement[]): string {
  if (verdicts.length === 0) return 'No initiative has been implemented yet.';
  const n = (m: Movement) => verdicts.filter((v) => v === m).length;
  const improved = n('improved');
  const worsened = n('worsened');
  const flat = n('no_measurable_movement');
  const thin = n('insufficient_data');
  const untestable = n('not_testable');
  const parts: string[] = [];
  if (improved) parts.push(`${count.format(improved)} moved ${its(improved)} significantly`);
  if (worsened) parts.push(`${count.format(worsened)} moved ${its(worsened)} significantly the wrong way`);
  // After a part that says "moved … significantly", "did not" reads on from it.
  if (flat) parts.push(parts.length ? `${count.format(flat)} did not` : `${count.format(flat)} did not measurably move ${its(flat)}`);
  if (thin) parts.push(`${count.format(thin)} ${thin === 1 ? 'has' : 'have'} too little data to judge yet`);
  if (untestable) parts.push(`${count.format(untestable)} cannot be tested for significance`);
  const total = `${count.format(verdicts.length)} implemented ${verdicts.length === 1 ? 'initiative' : 'initiatives'}`;
  return `${total}: ${parts.join(', ')}.`;
}
