import { changeUnit, type KpiKind } from '@throughline/domain';

const signed = (digits: number) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' });
const signedOne = signed(1);
const signedTwo = signed(2);

/** CES moves in hundredths of a point on its 1–7 scale; everything else in tenths. */
const digitsFor = (kind: KpiKind) => (kind === 'ces' ? signedTwo : signedOne);

/** A before/after difference in the unit movements are counted in: "+8.2 points", "−3.0 percentage points". */
export function formatDifference(kind: KpiKind, unit: string, difference: number): string {
  const words = changeUnit(kind, unit);
  const number = digitsFor(kind).format(difference);
  return words ? `${number} ${words}` : number;
}

/** "+3.1 to +13.3": the 95% interval of a difference, in the same unit as the difference. */
export function formatDifferenceInterval(kind: KpiKind, low: number, high: number): string {
  const format = digitsFor(kind);
  return `${format.format(low)} to ${format.format(high)}`;
}

/** "p = 0.002", "p < 0.001". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
