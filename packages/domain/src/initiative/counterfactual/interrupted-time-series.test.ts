import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/domain-error.ts';
import { addDays } from '../../kpi/period.ts';
import type { ItsEstimate, WeekFigure } from './counterfactual.schema.ts';
import { interruptedTimeSeries } from './interrupted-time-series.ts';
import { plantedRollout } from './testing/planted-rollout.ts';

/** Weekly figures from a Monday, each from 100 answers. */
const weeksFrom = (monday: string, values: readonly (number | null)[], n = 100): WeekFigure[] =>
  values.map((value, i) => ({ weekStart: addDays(monday, 7 * i), value, n: value === null ? 0 : n }));

const estimate = (result: ReturnType<typeof interruptedTimeSeries>): ItsEstimate => {
  if ('insufficient' in result) throw new Error(result.insufficient);
  return result;
};

describe('interrupted time series', () => {
  it('finds a level and slope change exactly on a series with no noise, and projects the counterfactual', () => {
    // 20 weeks before, 10 after: y = 50 + 0.5·t, then + 4 and + 0.25 a week more from week 20.
    const values = Array.from({ length: 30 }, (_, t) => 50 + 0.5 * t + (t >= 20 ? 4 + 0.25 * (t - 20) : 0));
    const its = estimate(interruptedTimeSeries(weeksFrom('2025-01-06', values), addDays('2025-01-06', 140), { windowWeeksAfter: 10 }));
    expect(its.level).toBeCloseTo(4, 9);
    expect(its.slope).toBeCloseTo(0.25, 9);
    // Averaged over the 10 weeks after: 4 + 0.25 × mean(0..9) = 5.125.
    expect(its.effect).toBeCloseTo(5.125, 9);
    expect(its).toMatchObject({ seasonality: 'none', weeksBefore: 20, weeksAfter: 10, lag: 3 });
    const last = its.series.at(-1)!;
    expect(last).toMatchObject({ weekStart: '2025-07-28', after: true, observed: values[29] });
    expect(last.fitted).toBeCloseTo(values[29]!, 9);
    expect(last.counterfactual).toBeCloseTo(50 + 0.5 * 29, 9);
    expect(its.series[0]!.counterfactual).toBeCloseTo(50, 9);
  });

  it('leaves out the week the change went live part-way through, and weeks from too few answers', () => {
    const weeks = weeksFrom(
      '2025-01-06',
      Array.from({ length: 30 }, (_, t) => 40 + (t % 3)),
    );
    weeks[5] = { ...weeks[5]!, n: 3 };
    // Live from Wednesday 2025-05-28: the week of Monday 26 May is neither before nor after.
    const its = estimate(interruptedTimeSeries(weeks, '2025-05-28', { windowWeeksAfter: 13 }));
    expect(its.series.map((w) => w.weekStart)).not.toContain('2025-05-26');
    expect(its.series.find((w) => w.weekStart === '2025-06-02')).toMatchObject({ after: true });
    expect(its.series.find((w) => w.weekStart === '2025-05-19')).toMatchObject({ after: false });
    expect(its.series[5]).toMatchObject({ weekStart: '2025-02-10', observed: null });
    expect(its.weeksBefore).toBe(20 - 1);
    expect(its.weeksAfter).toBe(30 - 21);
  });

  it('models the month of year only with a year of history before the change, and says so', () => {
    const short = estimate(
      interruptedTimeSeries(
        weeksFrom(
          '2025-01-06',
          Array.from({ length: 50 }, (_, t) => 30 + (t % 4)),
        ),
        addDays('2025-01-06', 7 * 40),
        { windowWeeksAfter: 10 },
      ),
    );
    expect(short.seasonality).toBe('none');
    expect(short.explanation).toMatch(/less than a year of history it cannot allow for the season/);
    const long = estimate(
      interruptedTimeSeries(
        weeksFrom(
          '2024-01-01',
          Array.from({ length: 70 }, (_, t) => 30 + (t % 4)),
        ),
        addDays('2024-01-01', 7 * 60),
        { windowWeeksAfter: 10 },
      ),
    );
    expect(long.seasonality).toBe('month_of_year');
    expect(long.explanation).toMatch(/usual month-by-month pattern over the 60 weeks before pointed/);
  });

  it('says what is missing when there are too few weeks either side', () => {
    const weeks = weeksFrom(
      '2025-01-06',
      Array.from({ length: 12 }, () => 30),
    );
    expect(interruptedTimeSeries(weeks, addDays('2025-01-06', 7 * 9), { windowWeeksAfter: 13 })).toEqual({
      insufficient:
        'An interrupted time series needs at least 8 weeks before the change and 4 after, each from 5 or more answers; there are 9 before and 3 after.',
    });
    expect('insufficient' in interruptedTimeSeries(weeks, addDays('2025-01-06', 7 * 5), { windowWeeksAfter: 13 })).toBe(true);
  });

  it('refuses weeks that are not Mondays or appear twice', () => {
    const weeks = weeksFrom('2025-01-06', [1, 2, 3]);
    expect(() =>
      interruptedTimeSeries([...weeks, { weekStart: '2025-01-08', value: 1, n: 10 }], '2025-01-20', { windowWeeksAfter: 4 }),
    ).toThrow(DomainError);
    expect(() => interruptedTimeSeries([...weeks, weeks[0]!], '2025-01-20', { windowWeeksAfter: 4 })).toThrow(/appears twice/);
    expect(() => interruptedTimeSeries(weeks, '2025-01-20', { windowWeeksAfter: 0 })).toThrow(/windowWeeksAfter/);
  });

  it('covers a planted effect in at least 92% of 200 seasonal series with shared weekly shocks', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { groups } = plantedRollout(
        {
          firstWeek: '2023-01-02',
          weeks: 150,
          groups: [{ key: 'claims', label: 'Claims', startsOn: '2025-06-02', level: 30, answersPerWeek: 120, effect: 5 }],
          season: { amplitude: 8, peakDayOfYear: 172 },
          commonShock: { sd: 1.5, carryOver: 0.5 },
        },
        seed,
      );
      const its = estimate(interruptedTimeSeries(groups[0]!.weeks, '2025-06-02', { windowWeeksAfter: 13 }));
      expect(its.seasonality).toBe('month_of_year');
      if (its.low <= 5 && 5 <= its.high) covered += 1;
    }
    // 94% with these seeds.
    expect(covered / 200).toBeGreaterThanOrEqual(0.92);
  });
});
