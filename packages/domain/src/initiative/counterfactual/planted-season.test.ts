import { describe, expect, it } from 'vitest';
import { compareNps } from '../../metrics/change.ts';
import type { NpsCounts } from '../../metrics/nps.ts';
import { classifyMovement } from '../acid-test.ts';
import { beforeAfterEstimate, chooseDesign, estimateMovement } from './choose-design.ts';
import { differenceInDifferences } from './difference-in-differences.ts';
import { interruptedTimeSeries } from './interrupted-time-series.ts';
import { plantedRollout, type PlantedRolloutPlan } from './testing/planted-rollout.ts';

/**
 * The case issue 14 was filed for: NPS that rises every spring, and a change with no effect at
 * all that goes live on 3 March 2025, at the start of the upswing. Retail gets the change;
 * Business never does and has the same season. Three years of weekly answers (2023–May 2026).
 */
const GO_LIVE = '2025-03-03';
const plan: PlantedRolloutPlan = {
  firstWeek: '2023-01-02',
  weeks: 176,
  groups: [
    { key: 'retail', label: 'Retail', startsOn: GO_LIVE, level: 35, answersPerWeek: 150 },
    { key: 'business', label: 'Business segment', startsOn: null, level: 20, answersPerWeek: 100 },
  ],
  // ±10 NPS points, highest in late June, lowest in late December.
  season: { amplitude: 10, peakDayOfYear: 172 },
  commonShock: { sd: 1.5, carryOver: 0.5 },
  groupShock: { sd: 1, carryOver: 0.5 },
};

const total = (weeks: readonly NpsCounts[]): NpsCounts =>
  weeks.reduce((sum, w) => ({ n: sum.n + w.n, promoters: sum.promoters + w.promoters, detractors: sum.detractors + w.detractors }), {
    n: 0,
    promoters: 0,
    detractors: 0,
  });

/** The three estimates for one draw: the naive 13 weeks either side of the go-live, difference in differences, time series. */
function estimates(seed: number) {
  const { groups, counts } = plantedRollout(plan, seed);
  const retail = counts.get('retail')!;
  const at = groups[0]!.weeks.findIndex((w) => w.weekStart === GO_LIVE);
  const before = total(retail.slice(at - 13, at));
  const after = total(retail.slice(at, at + 13));
  const change = compareNps(before, after);
  return {
    change,
    naive: classifyMovement(change, before.n, after.n, 'higher_is_better'),
    naiveEstimate: beforeAfterEstimate(change, 13, 13),
    did: differenceInDifferences(groups, { windowWeeksAfter: 13 }),
    its: interruptedTimeSeries(groups[0]!.weeks, GO_LIVE, { windowWeeksAfter: 13 }),
  };
}

const coversZero = (e: { low: number; high: number }) => e.low <= 0 && 0 <= e.high;

describe('a seasonal bump with no true effect', () => {
  it('is "improved" to the naive before/after, and no measurable movement to the difference in differences and the seasonal time series', () => {
    // Naive: +11.9 points [7.4, 16.5], p = 3·10⁻⁷. Difference in differences: −6.3 [−16.2, 3.6]. Time series: +2.5 [−2.9, 7.9].
    const { change, naive, naiveEstimate, did, its } = estimates(1);
    expect(naive).toBe('improved');
    expect(change.difference).toBeGreaterThan(8);
    expect(change.pValue).toBeLessThan(0.001);

    if ('insufficient' in did || 'insufficient' in its) throw new Error('both designs should have an estimate');
    expect(coversZero(did)).toBe(true);
    expect(did.preTrend.parallel).toBe(true);
    expect(its.seasonality).toBe('month_of_year');
    expect(coversZero(its)).toBe(true);

    const choice = chooseDesign(did, its, naiveEstimate);
    expect(choice.design).toBe('difference_in_differences');
    expect(choice.reason).toBe(
      'Difference in differences against the not-yet-reached Business segment: it controls for the season and anything else that ' +
        'hit both groups, and the two moved in parallel before the change.',
    );
    expect(estimateMovement(choice.decided, 'higher_is_better')).toBe('no_measurable_movement');
    // Without the comparison group, the time series still sees through the season.
    const withoutComparison = chooseDesign(null, its, naiveEstimate);
    expect(withoutComparison.design).toBe('interrupted_time_series');
    expect(estimateMovement(withoutComparison.decided, 'higher_is_better')).toBe('no_measurable_movement');
  });

  it('fools the naive comparison almost every time over 100 draws, the two designs about as rarely as their 5% allows', () => {
    let naiveImproved = 0;
    let didFalseAlarms = 0;
    let itsFalseAlarms = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { naive, did, its } = estimates(seed);
      if (naive === 'improved') naiveImproved += 1;
      if ('insufficient' in did || 'insufficient' in its) throw new Error('both designs should have an estimate');
      if (!coversZero(did)) didFalseAlarms += 1;
      if (!coversZero(its)) itsFalseAlarms += 1;
    }
    // With these seeds: the naive says "improved" 99 times, difference in differences raises 3 false alarms, the time series 6.
    expect(naiveImproved).toBeGreaterThanOrEqual(98);
    expect(didFalseAlarms).toBeLessThanOrEqual(10);
    expect(itsFalseAlarms).toBeLessThanOrEqual(10);
  });
});
