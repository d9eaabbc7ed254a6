import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/domain-error.ts';
import { addDays } from '../../kpi/period.ts';
import type { DidEstimate, RolloutGroup } from './counterfactual.schema.ts';
import { differenceInDifferences } from './difference-in-differences.ts';
import { plantedRollout } from './testing/planted-rollout.ts';

const FIRST = '2025-01-06';

/** A group with a value per week from FIRST, each week from `n` answers. */
const group = (key: string, startsOn: string | null, value: (t: number) => number, weeks = 40, n = 100): RolloutGroup => ({
  key,
  label: key[0]!.toUpperCase() + key.slice(1),
  startsOn,
  weeks: Array.from({ length: weeks }, (_, t) => ({ weekStart: addDays(FIRST, 7 * t), value: value(t), n })),
});

const week = (t: number) => addDays(FIRST, 7 * t);

const estimate = (result: ReturnType<typeof differenceInDifferences>): DidEstimate => {
  if ('insufficient' in result) throw new Error(result.insufficient);
  return result;
};

/** A wiggle shared by every group, so that nothing is constant. */
const shared = (t: number) => 30 + 5 * Math.sin(t / 3);

describe('difference in differences', () => {
  it('recovers an exact effect against a holdout, with the chart of the counterfactual', () => {
    const did = estimate(
      differenceInDifferences([group('retail', week(20), (t) => shared(t) + 8 + (t >= 20 ? 4 : 0)), group('business', null, shared)], {
        windowWeeksAfter: 13,
      }),
    );
    expect(did.effect).toBeCloseTo(4, 9);
    expect(did.low).toBeCloseTo(4, 6);
    expect(did.high).toBeCloseTo(4, 6);
    expect(did).toMatchObject({ weeksBefore: 13, weeksAfter: 13, skipped: [] });
    expect(did.preTrend.slope).toBeCloseTo(0, 9);
    expect(did.waves).toEqual([
      expect.objectContaining({
        key: 'retail',
        label: 'Retail',
        startsOn: week(20),
        comparisonLabels: ['Business'],
        weeksBefore: 13,
        weeksAfter: 13,
      }),
    ]);
    expect(did.series).toHaveLength(26);
    const after = did.series.find((w) => w.weekStart === week(25))!;
    expect(after.after).toBe(true);
    // The counterfactual is the comparison plus the gap before the change (8 points).
    expect(after.counterfactual).toBeCloseTo(shared(25) + 8, 9);
    expect(after.treated).toBeCloseTo(shared(25) + 12, 9);
    expect(did.series[0]).toMatchObject({ weekStart: week(7), after: false });
    expect(did.explanation).toMatch(/for Business, which it had not reached/);
  });

  it('compares each wave only with groups untreated over its whole window, and pools the waves', () => {
    // North from week 14, South from week 20 (inside North's 13-week window), West from week 40.
    const rollout = [
      group('north', week(14), (t) => shared(t) + (t >= 14 ? 3 : 0), 60),
      group('south', week(20), (t) => shared(t) + 2 + (t >= 20 ? 5 : 0), 60),
      group('west', week(40), (t) => shared(t) - 1 + (t >= 40 ? 9 : 0), 60),
      group('holdout', null, shared, 60),
    ];
    const did = estimate(differenceInDifferences(rollout, { windowWeeksAfter: 13 }));
    const [north, south, west] = did.waves;
    expect(north).toMatchObject({ comparisonLabels: ['West', 'Holdout'] });
    expect(north!.effect).toBeCloseTo(3, 9);
    expect(south).toMatchObject({ comparisonLabels: ['West', 'Holdout'] });
    expect(south!.effect).toBeCloseTo(5, 9);
    expect(west).toMatchObject({ comparisonLabels: ['Holdout'] });
    expect(west!.effect).toBeCloseTo(9, 9);
    // Weighted by answers: North and South are each 100 a week against 200 (1/100 + 1/200), West
    // 100 against the holdout's 100 (1/100 + 1/100), so weights 1/0.015 : 1/0.015 : 1/0.02 = 4 : 4 : 3.
    expect(did.effect).toBeCloseTo((4 * 3 + 4 * 5 + 3 * 9) / 11, 9);
    expect(did.explanation).toMatch(/for West and Holdout, which it had not reached/);
  });

  it('cuts a wave short where its last comparison is reached, when no group waits out the whole window', () => {
    const did = estimate(
      differenceInDifferences(
        [group('north', week(14), (t) => shared(t) + (t >= 14 ? 3 : 0)), group('south', week(20), (t) => shared(t) + (t >= 20 ? 5 : 0))],
        { windowWeeksAfter: 13 },
      ),
    );
    expect(did.waves).toHaveLength(1);
    expect(did.waves[0]).toMatchObject({ key: 'north', comparisonLabels: ['South'], weeksAfter: 6 });
    expect(did.effect).toBeCloseTo(3, 9);
    expect(did.skipped).toEqual(['South (from 2025-05-26) had no group still waiting for the change to compare with']);
  });

  it('merges groups reached on the same day into one wave', () => {
    const did = estimate(
      differenceInDifferences(
        [
          group('web', week(20), (t) => shared(t) + (t >= 20 ? 2 : 0)),
          group('app', week(20), (t) => shared(t) + (t >= 20 ? 6 : 0)),
          group('phone', null, shared),
        ],
        { windowWeeksAfter: 13 },
      ),
    );
    expect(did.waves).toHaveLength(1);
    expect(did.waves[0]).toMatchObject({ key: 'web+app', label: 'Web and App' });
    expect(did.effect).toBeCloseTo(4, 9);
  });

  it('flags a comparison that was already drifting apart before the change', () => {
    const result = differenceInDifferences(
      [group('retail', week(20), (t) => shared(t) + 0.8 * t + ((t * 7) % 3)), group('business', null, shared)],
      { windowWeeksAfter: 13 },
    );
    const did = estimate(result);
    expect(did.preTrend.slope).toBeGreaterThan(0.6);
    expect(did.preTrend.pValue).toBeLessThan(0.05);
    expect(did.preTrend.parallel).toBe(false);
    expect(did.explanation).toMatch(/already drifting apart/);
  });

  it('says why there is no estimate', () => {
    expect(differenceInDifferences([group('retail', null, shared), group('business', null, shared)], { windowWeeksAfter: 13 })).toEqual({
      insufficient: 'No group in the rollout has a date the change reached it.',
    });
    expect(
      differenceInDifferences([group('retail', week(20), shared), group('business', week(20), shared)], { windowWeeksAfter: 13 }),
    ).toEqual({ insufficient: 'The change reached every group at once: there is no holdout, later wave, or comparison journey or step.' });
    const thin = differenceInDifferences([group('retail', week(20), shared, 40, 3), group('business', null, shared)], {
      windowWeeksAfter: 13,
    });
    expect(thin).toEqual({
      insufficient:
        'No wave could be compared: Retail (from 2025-05-26) had 0 weeks before and 0 after measured in both it and its comparison; it needs 8 and 4.',
    });
  });

  it('refuses repeated keys and bad windows', () => {
    expect(() => differenceInDifferences([group('a', week(20), shared), group('a', null, shared)], { windowWeeksAfter: 13 })).toThrow(
      DomainError,
    );
    expect(() => differenceInDifferences([group('a', week(20), shared)], { windowWeeksAfter: 13, windowWeeksBefore: 0 })).toThrow(
      /windowWeeksBefore/,
    );
  });

  it('covers a true effect planted only in the treated waves in at least 93% of 200 seeded runs', () => {
    // Three waves and a holdout, NPS answered ~80 times a week per region, a shared season and
    // shared weekly shocks, and each region's own autocorrelated shocks (campaigns, staffing).
    const truth = 6;
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { groups } = plantedRollout(
        {
          firstWeek: '2024-01-01',
          weeks: 110,
          groups: [
            { key: 'north', label: 'North', startsOn: '2025-03-03', level: 30, answersPerWeek: 80, effect: truth },
            { key: 'south', label: 'South', startsOn: '2025-06-02', level: 25, answersPerWeek: 80, effect: truth },
            { key: 'west', label: 'West', startsOn: '2025-09-01', level: 35, answersPerWeek: 80, effect: truth },
            { key: 'holdout', label: 'Holdout', startsOn: null, level: 28, answersPerWeek: 60 },
          ],
          season: { amplitude: 8, peakDayOfYear: 172 },
          commonShock: { sd: 2, carryOver: 0.6 },
          groupShock: { sd: 1, carryOver: 0.3 },
        },
        seed,
      );
      const did = estimate(differenceInDifferences(groups, { windowWeeksAfter: 13 }));
      expect(did.waves).toHaveLength(3);
      if (did.low <= truth && truth <= did.high) covered += 1;
    }
    // 94% with these seeds.
    expect(covered / 200).toBeGreaterThanOrEqual(0.93);
  });
});
