import { periodLabel, type Grain, type KpiKind } from '@throughline/domain';

/** The parts of a KPI's unit that matter for showing a number. */
interface KpiUnit {
  kind: KpiKind;
  unit: string;
}

const CURRENCY = /^([£$€])\s*(.*)$/;

function numberFormat(digits: number, signed = false): Intl.NumberFormat {
  return new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

const signedOne = numberFormat(1, true);
const one = numberFormat(1);
const two = numberFormat(2);
const whole = numberFormat(0);

/**
 * A KPI figure split into the number (with its sign, % or currency symbol) and the words
 * after it, so an interval can say "26.1 to 31.2 hours" without repeating the unit.
 */
export function kpiNumberParts({ kind, unit }: KpiUnit, value: number): { number: string; suffix: string } {
  switch (kind) {
    // NPS runs −100…+100: the sign carries meaning, so it is always shown.
    case 'nps':
      return { number: signedOne.format(value), suffix: '' };
    // CSAT, CES "% agree" and rates are shares stored as 0–100; the unit ("% top-2-box") is already implied by %.
    case 'csat':
    case 'ces_agree':
    case 'rate':
      return { number: `${one.format(value)}%`, suffix: '' };
    // CES is a mean on a 1–7 scale: a tenth of a point is a real movement, so two decimals.
    case 'ces':
      return { number: two.format(value), suffix: '' };
    case 'count':
      return { number: whole.format(value), suffix: unit };
    default: {
      const money = CURRENCY.exec(unit);
      if (money) {
        // Large sums read as whole pounds; a unit cost (cost to serve) needs its pence.
        const format = Math.abs(value) >= 1000 ? whole : two;
        const sign = value < 0 ? '-' : '';
        return { number: `${sign}${money[1]}${format.format(Math.abs(value))}`, suffix: money[2] ?? '' };
      }
      return { number: Math.abs(value) >= 1000 ? whole.format(value) : one.format(value), suffix: unit };
    }
  }
}

/** "+35.0", "75.0%", "5.31", "28.5 hours", "£6.12 per contact". */
export function formatKpiValue(kpi: KpiUnit, value: number): string {
  const { number, suffix } = kpiNumberParts(kpi, value);
  return suffix ? `${number} ${suffix}` : number;
}

/** "+23.6 to +45.4", "26.1 to 31.2 hours"; null when the method gives no interval. */
export function formatKpiInterval(kpi: KpiUnit, low: number | null, high: number | null): string | null {
  if (low === null || high === null) return null;
  const lo = kpiNumberParts(kpi, low);
  const hi = kpiNumberParts(kpi, high);
  return hi.suffix ? `${lo.number} to ${hi.number} ${hi.suffix}` : `${lo.number} to ${hi.number}`;
}

/**
 * A period by its grain, in the API's words: "Mar 2026", "week of 2 Mar 2026", "Q1 2026". The
 * domain's own labeller, so a label the page makes matches the ones the API sends.
 */
export function formatPeriod(periodStart: string, grain: Grain): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(periodStart) ? periodLabel(periodStart, grain) : periodStart;
}

const GRAIN_NOUN: Record<Grain, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
};

/** "12 months", "1 week". */
export function periodCount(n: number, grain: Grain): string {
  const [singular, plural] = GRAIN_NOUN[grain];
  return `${whole.format(n)} ${n === 1 ? singular : plural}`;
}

/** An axis tick: the figure without a unit word and without trailing zeros ("+40", "75%", "£6.5"). */
export function formatAxisTick(kpi: KpiUnit, value: number): string {
  return kpiNumberParts(kpi, value).number.replace(/\.?0+(?=\D*$)/, (m) => (m.startsWith('.') ? '' : m));
}
