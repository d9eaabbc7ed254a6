import { describe, expect, it } from 'vitest';
import { staged } from './acid-test.fixture.ts';
import {
  chartSummary,
  decidingChart,
  didChart,
  evidenceChart,
  formatMonthTick,
  formatWeek,
  itsChart,
  monthTicks,
} from './counterfactual-series.ts';

describe('the observed-against-counterfactual chart', () => {
  it('draws a difference in differences as reached, not reached and counterfactual, each wave marked at its week', () => {
    const chart = didChart(staged.differenceInDifferences!);
    expect(chart.lines.map((l) => [l.name, l.style])).toEqual([
      ['Customers the change reached', 'solid'],
      ['Customers not reached yet', 'dashed'],
      ['Counterfactual: reached, without the change', 'dotted'],
    ]);
    expect(chart.rows[3]).toEqual({ weekStart: '2026-03-16', after: true, a: 16, b: 10, c: 12 });
    // 18 March falls in the week of 16 March; 8 April in the week of 6 April.
    expect(chart.marks).toEqual([
      { weekStart: '2026-03-16', label: 'Wave 1' },
      { weekStart: '2026-04-06', label: 'Wave 2' },
    ]);
    expect(chart.after).toEqual({ from: '2026-03-16', to: '2026-04-06' });
  });

  it('marks only the waves that start within the weeks the series covers', () => {
    const did = staged.differenceInDifferences!;
    const later = { ...did, waves: [did.waves[0]!, { ...did.waves[1]!, startsOn: '2026-06-01' }] };
    expect(didChart(later).marks).toEqual([{ weekStart: '2026-03-16', label: 'Wave 1' }]);
  });

  it('marks one wave as going live, and has no chart when the naive design decided', () => {
    const one = { ...staged.differenceInDifferences!, waves: staged.differenceInDifferences!.waves.slice(0, 1) };
    expect(didChart(one).marks).toEqual([{ weekStart: '2026-03-16', label: 'Went live' }]);
    expect(decidingChart({ ...staged, design: 'before_after' })).toBeNull();
    expect(decidingChart(staged)?.design).toBe('difference_in_differences');
    // The naive design decided: the counterfactual that could be drawn is still shown, for reference.
    expect(evidenceChart({ ...staged, design: 'before_after' })).toMatchObject({
      decides: false,
      chart: { design: 'difference_in_differences' },
    });
    expect(evidenceChart({ ...staged, design: 'before_after', differenceInDifferences: null })).toBeNull();
    expect(evidenceChart(staged)?.decides).toBe(true);
  });

  it('names the time series’ lines by what its model allows for', () => {
    const its = {
      design: 'interrupted_time_series' as const,
      effect: 1,
      low: 0,
      high: 2,
      pValue: 0.04,
      weeksBefore: 2,
      weeksAfter: 1,
      explanation: '',
      level: 1,
      slope: 0,
      seasonality: 'none' as const,
      lag: 3,
      series: [
        { weekStart: '2026-03-02', observed: 10, fitted: 10, counterfactual: 10, after: false },
        { weekStart: '2026-03-09', observed: 12, fitted: 11, counterfactual: 10, after: true },
      ],
    };
    expect(itsChart(its).lines.map((l) => l.name)).toEqual([
      'Observed',
      'Fitted: trend and the change',
      'Counterfactual: trend, no change',
    ]);
    expect(itsChart({ ...its, seasonality: 'month_of_year' }).lines[2]!.name).toBe('Counterfactual: trend and season, no change');
    expect(itsChart(its).marks).toEqual([{ weekStart: '2026-03-09', label: 'Went live' }]);
  });

  it('says in a sentence what the chart shows after the change', () => {
    const text = chartSummary('Claims NPS', didChart(staged.differenceInDifferences!), (v) => v.toFixed(1));
    expect(text).toBe(
      'Claims NPS week by week, 7 weeks, against customers it had not reached yet. Over the 4 weeks after the change, customers the change reached averaged 16.0; without the change, 12.0 was expected.',
    );
  });

  it('ticks the first week of each month, thinned to fit, and names weeks', () => {
    const weeks = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10));
    const ticks = monthTicks(weeks, 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toBe('2025-01-06');
    expect(ticks[1]).toBe('2025-03-03');
    expect(formatMonthTick('2025-03-03')).toBe('Mar 2025');
    expect(formatWeek('2026-03-02')).toBe('Week of 2 Mar 2026');
  });
});
