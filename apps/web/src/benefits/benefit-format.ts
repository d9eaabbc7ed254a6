import type { BenefitsPortfolio, BenefitTotal } from '@throughline/domain';
import { formatGbp, formatGbpInterval } from '../common/locale-format.ts';

const signedOne = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** "£120,000 (95% CI £80,000 to £160,000)": a realised value with its interval. */
export function formatRealised(value: number, low: number | null, high: number | null): string {
  return low === null || high === null ? formatGbp(value) : `${formatGbp(value)} (${formatGbpInterval(low, high)})`;
}

/** "95% CI £80,000 to £160,000": a realised value's interval on its own line. */
export function formatRealisedInterval(low: number | null, high: number | null): string | null {
  return low === null || high === null ? null : formatGbpInterval(low, high);
}

/** "+3.0 points": an uplift on a KPI, in the points the case promised it in. */
export function formatUplift(points: number): string {
  return `${signedOne.format(points)} points`;
}

/** "95% CI +0.4 to +3.8": a measured uplift's interval on its own line. */
export function formatUpliftInterval(low: number | null, high: number | null): string | null {
  return low === null || high === null ? null : `95% CI ${signedOne.format(low)} to ${signedOne.format(high)}`;
}

/** How much of what the measured cases promised they realise: "62% of what their cases expected". */
export function realisedShare(total: Pick<BenefitTotal, 'expectedAnnualValue' | 'realisedAnnualValue'>): string | null {
  if (total.expectedAnnualValue <= 0) return null;
  return `${percent.format(total.realisedAnnualValue / total.expectedAnnualValue)} of what their cases expected`;
}

export const GROUPINGS = ['journey', 'team', 'year'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const GROUPING_LABEL: Record<Grouping, string> = { journey: 'By journey', team: 'By team', year: 'By year' };

/** The sums the chosen grouping shows. */
export function totalsBy(portfolio: BenefitsPortfolio, by: Grouping): BenefitTotal[] {
  return by === 'journey' ? portfolio.byJourney : by === 'team' ? portfolio.byTeam : portfolio.byYear;
}

/** A grouping from the address, or by journey when it names none. */
export function groupingOf(value: string | null): Grouping {
  return GROUPINGS.find((g) => g === value) ?? 'journey';
}

/** One bar pair of the chart: expected against realised, the realised bar's whisker as distances either side. */
export interface BenefitBar {
  key: string;
  label: string;
  expected: number;
  realised: number;
  /** [below, above]: how far the 95% interval reaches each side of the realised value. */
  whisker: [number, number];
  measured: number;
}

/** The groups with something measured, as bars; groups with nothing measured yet have nothing to draw. */
export function benefitBars(totals: readonly BenefitTotal[]): BenefitBar[] {
  return totals
    .filter((t) => t.measured > 0)
    .map((t) => ({
      key: t.key,
      label: t.label,
      expected: t.expectedAnnualValue,
      realised: t.realisedAnnualValue,
      whisker: [Math.max(0, t.realisedAnnualValue - t.realisedLow), Math.max(0, t.realisedHigh - t.realisedAnnualValue)],
      measured: t.measured,
    }));
}

/** The chart in sentences, for screen readers: each group's expected and realised value with its interval. */
export function benefitChartSummary(totals: readonly BenefitTotal[]): string {
  const parts = totals
    .filter((t) => t.measured > 0)
    .map(
      (t) =>
        `${t.label}: expected ${formatGbp(t.expectedAnnualValue)}, realised ${formatRealised(t.realisedAnnualValue, t.realisedLow, t.realisedHigh)}`,
    );
  return `Expected against realised annual value of measured initiatives. ${parts.join('. ')}.`;
}
