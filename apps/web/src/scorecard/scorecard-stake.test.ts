import { describe, expect, it } from 'vitest';
import { stakeText, toDateLabel, valueSourceLabel } from './scorecard-stake.ts';

const row = {
  valueAtStake: null,
  latest: { value: 30, n: 4, ciLow: 0, ciHigh: 60, method: 'nps-adjusted-wald', smallSample: true, periodStart: '2026-11-01' },
  target: 40,
  valuePerPoint: 357,
  status: 'too_few',
  period: { from: '2026-11-01', to: '2026-12-01', label: 'Nov 2026', complete: true },
} as const;

describe('scorecard value at stake', () => {
  it('names the source of the value per point', () => {
    expect(valueSourceLabel('entered')).toBe('entered on the KPI');
    expect(valueSourceLabel('band_ltv')).toBe('value model (band lifetime value)');
    expect(valueSourceLabel('churn_regression')).toBe('value model (churn regression)');
    expect(valueSourceLabel(null)).toBeNull();
  });

  it('makes no claim below the minimum sample or on a running period', () => {
    expect(stakeText(row)).toBe('None: too few answers');
    expect(stakeText({ ...row, status: 'short_of_target', period: { ...row.period, complete: false } })).toBe(
      'None until the period is complete',
    );
    expect(stakeText({ ...row, status: 'short_of_target', valueAtStake: 3570 })).toBe('£3,570 a year');
    expect(stakeText({ ...row, status: 'on_target', valueAtStake: 0 })).toBe('£0 (target met)');
  });

  it('reads the running period without its bracket', () => {
    expect(toDateLabel('Dec 2026 (to date)')).toBe('Dec 2026');
  });
});
