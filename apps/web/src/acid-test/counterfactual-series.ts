import type { AcidTestKpi } from '@throughline/domain';

type Did = NonNullable<AcidTestKpi['differenceInDifferences']>;
type Its = NonNullable<AcidTestKpi['interruptedTimeSeries']>;

/** One line of the chart: its key in the rows, its name in the legend and the tooltip, and how it is drawn. */
export interface SeriesLine {
  key: 'a' | 'b' | 'c';
  name: string;
  /** Solid, dashed or dotted: each line differs by its stroke as well as its colour. */
  style: 'solid' | 'dashed' | 'dotted';
  colour: string;
  /** Observed weekly values are drawn with a dot on each week; model lines are smooth. */
  dots: boolean;
}

export interface CounterfactualChartData {
  design: 'difference_in_differences' | 'interrupted_time_series';
  rows: { weekStart: string; after: boolean; a: number | null; b: number | null; c: number | null }[];
  lines: SeriesLine[];
  /** Where the change (or each wave) went live: the week holding the date. */
  marks: { weekStart: string; label: string }[];
  /** The weeks after the change, shaded. */
  after: { from: string; to: string } | null;
}

const OBSERVED = 'var(--color-accent)';
const COMPARISON = '#6b7c86';
const COUNTERFACTUAL = '#b84f1f';

/** The series' week holding the day (weeks start on Mondays); none when the day falls outside the series. */
function weekOf(day: string, weeks: readonly string[]): string | null {
  const last = weeks.at(-1);
  if (!last || day < weeks[0]! || day > addDays(last, 6)) return null;
  return [...weeks].reverse().find((w) => w <= day) ?? null;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function afterSpan(rows: CounterfactualChartData['rows']): CounterfactualChartData['after'] {
  const after = rows.filter((r) => r.after);
  return after.length > 0 ? { from: after[0]!.weekStart, to: after.at(-1)!.weekStart } : null;
}

/**
 * The difference in differences as lines: the customers reached, those not reached yet, and
 * where the reached would have been without the change (the comparison moved by the gap the two
 * had before it). The series covers the first wave's weeks; each wave that starts within them is
 * marked, and one wave alone reads "Went live".
 */
export function didChart(did: Did): CounterfactualChartData {
  const rows = did.series.map((p) => ({ weekStart: p.weekStart, after: p.after, a: p.treated, b: p.comparison, c: p.counterfactual }));
  const weeks = rows.map((r) => r.weekStart);
  const waves = did.waves.length > 1 ? did.waves : [];
  const marks = waves.length > 0 ? waves.map((w, i) => ({ weekStart: weekOf(w.startsOn, weeks), label: `Wave ${i + 1}` })) : [];
  const first = rows.find((r) => r.after);
  return {
    design: 'difference_in_differences',
    rows,
    lines: [
      { key: 'a', name: 'Customers the change reached', style: 'solid', colour: OBSERVED, dots: true },
      { key: 'b', name: 'Customers not reached yet', style: 'dashed', colour: COMPARISON, dots: false },
      { key: 'c', name: 'Counterfactual: reached, without the change', style: 'dotted', colour: COUNTERFACTUAL, dots: false },
    ],
    marks:
      marks.length > 0
        ? marks.filter((m): m is { weekStart: string; label: string } => m.weekStart !== null)
        : first
          ? [{ weekStart: first.weekStart, label: 'Went live' }]
          : [],
    after: afterSpan(rows),
  };
}

/** The interrupted time series as lines: what was observed, the model's fit, and its line with no change. */
export function itsChart(its: Its): CounterfactualChartData {
  const rows = its.series.map((p) => ({ weekStart: p.weekStart, after: p.after, a: p.observed, b: p.fitted, c: p.counterfactual }));
  const first = rows.find((r) => r.after);
  // With less than a year of history the model has no season to allow for: the lines say only what it does.
  const model = its.seasonality === 'month_of_year' ? 'trend and season' : 'trend';
  return {
    design: 'interrupted_time_series',
    rows,
    lines: [
      { key: 'a', name: 'Observed', style: 'solid', colour: OBSERVED, dots: true },
      { key: 'b', name: `Fitted: ${model} and the change`, style: 'dashed', colour: COMPARISON, dots: false },
      { key: 'c', name: `Counterfactual: ${model}, no change`, style: 'dotted', colour: COUNTERFACTUAL, dots: false },
    ],
    marks: first ? [{ weekStart: first.weekStart, label: 'Went live' }] : [],
    after: afterSpan(rows),
  };
}

/** The chart of the design that decided, when it is one with a counterfactual. */
export function decidingChart(k: AcidTestKpi): CounterfactualChartData | null {
  if (k.design === 'difference_in_differences' && k.differenceInDifferences) return didChart(k.differenceInDifferences);
  if (k.design === 'interrupted_time_series' && k.interruptedTimeSeries) return itsChart(k.interruptedTimeSeries);
  return null;
}

/**
 * The chart to show beside the estimates: the deciding design's or, when the naive before/after
 * decided, the strongest counterfactual that could still be drawn (a time series with too little
 * history to allow for the season, say), shown for reference and said to be so.
 */
export function evidenceChart(k: AcidTestKpi): { chart: CounterfactualChartData; decides: boolean } | null {
  const deciding = decidingChart(k);
  if (deciding) return { chart: deciding, decides: true };
  if (k.differenceInDifferences) return { chart: didChart(k.differenceInDifferences), decides: false };
  if (k.interruptedTimeSeries) return { chart: itsChart(k.interruptedTimeSeries), decides: false };
  return null;
}

const mean = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
};

/**
 * What the chart shows, in a sentence for screen readers: after the change, the observed line's
 * average against the counterfactual's.
 */
export function chartSummary(kpiName: string, chart: CounterfactualChartData, format: (v: number) => string): string {
  const after = chart.rows.filter((r) => r.after);
  const observed = mean(after.map((r) => r.a));
  const counterfactual = mean(after.map((r) => r.c));
  const subject = chart.design === 'difference_in_differences' ? 'customers the change reached' : `${kpiName}`;
  const what =
    chart.design === 'difference_in_differences' ? 'against customers it had not reached yet' : 'against its own trend and season';
  const head = `${kpiName} week by week, ${chart.rows.length} weeks, ${what}.`;
  if (observed === null || counterfactual === null) return `${head} No weeks after the change yet.`;
  return `${head} Over the ${after.length} weeks after the change, ${subject} averaged ${format(observed)}; without the change, ${format(counterfactual)} was expected.`;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Mar 2026": an axis tick. */
export function formatMonthTick(weekStart: string): string {
  return monthYear.format(new Date(`${weekStart}T00:00:00Z`));
}

/** "Week of 2 Mar": a week in the tooltip and the table. */
export function formatWeek(weekStart: string): string {
  return `Week of ${dayMonth.format(new Date(`${weekStart}T00:00:00Z`))} ${weekStart.slice(0, 4)}`;
}

/**
 * The weeks to tick on the time axis: the first week of a month, every month or every few months
 * so that no more than `max` ticks crowd it.
 */
export function monthTicks(weeks: readonly string[], max = 8): string[] {
  const firsts = weeks.filter((w, i) => i === 0 || w.slice(0, 7) !== weeks[i - 1]!.slice(0, 7));
  const step = Math.max(1, Math.ceil(firsts.length / max));
  return firsts.filter((_, i) => i % step === 0);
}
