import { COST_BASES, FREQUENCY_PERIODS, type FailurePoint, type FrequencyPeriod } from '@throughline/domain';
import { formatCount, formatGbp } from '../common/locale-format.ts';

type CostBasis = FailurePoint['costBasis'];

const BASIS: Record<CostBasis, { label: string; one: string; many: string }> = {
  contact: { label: 'Contact (a call, chat or email)', one: 'contact', many: 'contacts' },
  escalation: { label: 'Escalation', one: 'escalation', many: 'escalations' },
  rework: { label: 'Rework', one: 'piece of rework', many: 'pieces of rework' },
  churn: { label: 'Churn (a lost customer)', one: 'lost customer', many: 'lost customers' },
  compensation: { label: 'Compensation payment', one: 'compensation payment', many: 'compensation payments' },
  other: { label: 'Other', one: 'occurrence', many: 'occurrences' },
};

const PERIOD: Record<FrequencyPeriod, string> = { week: 'a week', month: 'a month', quarter: 'a quarter', year: 'a year' };

export const COST_BASIS_OPTIONS = COST_BASES.map((b) => ({ value: b, label: BASIS[b].label }));
export const PERIOD_OPTIONS = FREQUENCY_PERIODS.map((p) => ({ value: p, label: PERIOD[p].replace('a ', 'Per ') }));

const pence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What one occurrence costs: its pence matter (£6.50 a call); whole pounds from £1,000 up. */
export function formatUnitCost(amount: number): string {
  return amount >= 1000 && Number.isInteger(amount) ? formatGbp(amount) : pence.format(amount);
}

/** "1,200 contacts a month". */
export function frequencyText(f: Pick<FailurePoint, 'frequency' | 'frequencyPeriod' | 'costBasis'>): string {
  const basis = BASIS[f.costBasis];
  return `${formatCount(f.frequency)} ${f.frequency === 1 ? basis.one : basis.many} ${PERIOD[f.frequencyPeriod]}`;
}

/** What the annual cost is made of: "1,200 contacts a month × £6.50 each". */
export function costFactors(f: Pick<FailurePoint, 'frequency' | 'frequencyPeriod' | 'costBasis' | 'unitCost'>): string {
  return `${frequencyText(f)} × ${formatUnitCost(f.unitCost)} each`;
}

/** How the annual cost comes about: "1,200 contacts a month × £6.50 each = £93,600 a year". */
export function costSentence(f: Pick<FailurePoint, 'frequency' | 'frequencyPeriod' | 'costBasis' | 'unitCost' | 'annualCost'>): string {
  return `${costFactors(f)} = ${formatGbp(f.annualCost)} a year`;
}

/** "Expects 5, gets 2": the two ratings on their 1–5 scale. */
export function gapText(f: Pick<FailurePoint, 'expectation' | 'capability' | 'gap'>): string {
  return `${f.expectation} vs ${f.capability}, ${gapWords(f.gap)}`;
}

/** "gap 3"; "exceeds by 2" when operations do better than customers expect. */
export function gapWords(gap: number): string {
  return gap > 0 ? `gap ${gap}` : gap === 0 ? 'no gap' : `exceeds by ${-gap}`;
}
