import { describe, expect, it } from 'vitest';
import { compareProportions } from '../../metrics/change.ts';
import { beforeAfterEstimate, chooseDesign, estimateMovement } from './choose-design.ts';
import type { DidEstimate, Estimate, ItsEstimate } from './counterfactual.schema.ts';

const base = { effect: 3, low: 1, high: 5, pValue: 0.004, weeksBefore: 13, weeksAfter: 13, explanation: '' };

const did = (parallel: boolean, comparisonLabels = ['Business segment']): DidEstimate => ({
  ...base,
  design: 'difference_in_differences',
  preTrend: { slope: parallel ? 0.05 : 0.62, pValue: parallel ? 0.6 : 0.004, parallel },
  series: [],
  waves: [
    {
      key: 'retail',
      label: 'Retail',
      startsOn: '2025-03-03',
      effect: 3,
      low: 1,
      high: 5,
      comparisonLabels,
      weeksBefore: 13,
      weeksAfter: 13,
    },
  ],
  skipped: [],
});

const its = (seasonality: 'month_of_year' | 'none'): ItsEstimate => ({
  ...base,
  design: 'interrupted_time_series',
  weeksBefore: seasonality === 'none' ? 30 : 110,
  level: 3,
  slope: 0,
  seasonality,
  lag: 4,
  series: [],
});

const naive: Estimate = { ...base, design: 'before_after' };
const tooShort = { insufficient: 'An interrupted time series needs at least 8 weeks before the change and 4 after.' };

describe('choosing the design that decides', () => {
  it('takes the difference in differences when the groups moved in parallel before', () => {
    const choice = chooseDesign(did(true), its('month_of_year'), naive);
    expect(choice.design).toBe('difference_in_differences');
    expect(choice.decided?.design).toBe('difference_in_differences');
    const waves = { ...did(true), waves: [did(true).waves[0]!, { ...did(true).waves[0]!, key: 'b', comparisonLabels: ['Holdout'] }] };
    expect(chooseDesign(waves, its('none'), naive).reason).toBe(
      'Difference in differences against the not-yet-reached Business segment and Holdout over 2 rollout waves: it controls for the ' +
        'season and anything else that hit both groups, and the two moved in parallel before the change.',
    );
  });

  it('falls back to the time series, saying why the comparison was set aside', () => {
    expect(chooseDesign(did(false), its('month_of_year'), naive)).toMatchObject({
      design: 'interrupted_time_series',
      reason:
        'Interrupted time series, because the Business segment was already drifting apart from the changed customers before the ' +
        "change (by 0.6 points a week, p = 0.004), so comparing with it would mislead: it projects the KPI's trend and its " +
        'month-by-month pattern from 110 weeks of history.',
    });
    expect(
      chooseDesign({ insufficient: 'No group in the rollout has a date the change reached it.' }, its('month_of_year'), naive).reason,
    ).toMatch(
      /^Interrupted time series, because the comparison could not be made: no group in the rollout has a date the change reached it: /,
    );
  });

  it('sets a time series without the season aside while there is a before/after, and says so', () => {
    const choice = chooseDesign(null, its('none'), naive);
    expect(choice).toMatchObject({ design: 'before_after', decided: naive });
    expect(choice.reason).toBe(
      'Only the naive before vs after, because the rollout had no comparison group (no holdout, later wave, or comparison journey or ' +
        'step), and the time series has only 30 weeks of history, less than a year, so it cannot allow for the season (its trend ' +
        'projection is shown for reference): it cannot tell the change from the season or anything else that happened at the same time.',
    );
    expect(chooseDesign(null, its('none'), null)).toMatchObject({
      design: 'interrupted_time_series',
      reason:
        'Interrupted time series, because the rollout had no comparison group (no holdout, later wave, or comparison journey or step): ' +
        "it projects the KPI's trend from 30 weeks of history, which is less than a year, so it cannot allow for the season.",
    });
  });

  it('falls back to the naive before/after, and to nothing, saying what it cannot rule out', () => {
    const choice = chooseDesign(null, tooShort, naive);
    expect(choice).toMatchObject({ design: 'before_after', decided: naive });
    expect(choice.reason).toBe(
      'Only the naive before vs after, because the rollout had no comparison group (no holdout, later wave, or comparison journey or ' +
        'step), and the time series is too short (an interrupted time series needs at least 8 weeks before the change and 4 after): it ' +
        'cannot tell the change from the season or anything else that happened at the same time.',
    );
    const nothing = chooseDesign(null, tooShort, null);
    expect(nothing).toMatchObject({ design: 'before_after', decided: null });
    expect(nothing.reason).toMatch(/^No design could be used: .* and there are too few answers for even a before vs after\.$/);
  });
});

describe('the movement from the deciding estimate', () => {
  it('is improved or worsened only when the interval leaves out 0, by the KPI’s direction', () => {
    expect(estimateMovement(naive, 'higher_is_better')).toBe('improved');
    expect(estimateMovement(naive, 'lower_is_better')).toBe('worsened');
    expect(estimateMovement({ ...naive, effect: -3, low: -5, high: -1 }, 'lower_is_better')).toBe('improved');
    expect(estimateMovement({ ...naive, low: -1, pValue: 0.2 }, 'higher_is_better')).toBe('no_measurable_movement');
    expect(estimateMovement(null, 'higher_is_better')).toBe('insufficient_data');
  });

  it('adapts the acid test’s before/after change, and has none when it was not tested', () => {
    // 60% → 70% at n = 400 each: +10 points, Newcombe [3.39, 16.49].
    const estimate = beforeAfterEstimate(compareProportions({ positives: 240, n: 400 }, { positives: 280, n: 400 }), 13, 13)!;
    expect(estimate).toMatchObject({ design: 'before_after', weeksBefore: 13, weeksAfter: 13 });
    expect(estimate.effect).toBeCloseTo(10, 9);
    expect(estimate.low).toBeCloseTo(3.39, 2);
    expect(estimate.explanation).toMatch(/the season or anything else that happened meanwhile counts as the change/);
    expect(beforeAfterEstimate(compareProportions({ positives: 0, n: 0 }, { positives: 3, n: 10 }), 13, 13)).toBeNull();
  });
});
