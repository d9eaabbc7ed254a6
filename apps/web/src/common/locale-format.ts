// Formatting for the organisation's locale. Dates arrive from the API as ISO strings (there is
// no tRPC transformer), although their inferred types say Date; both are accepted.

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-GB');
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function formatGbp(amount: number): string {
  return gbp.format(amount);
}

/** "95% CI £80,000 to £160,000": the interval of an amount, e.g. a realised value a year. */
export function formatGbpInterval(low: number, high: number): string {
  return `95% CI ${gbp.format(low)} to ${gbp.format(high)}`;
}

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value));
}

export function formatDate(value: Date | string): string {
  return date.format(new Date(value));
}

/** "1 step", "3 steps". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
