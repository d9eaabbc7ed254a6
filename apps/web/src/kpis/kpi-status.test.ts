import { describe, expect, it } from 'vitest';
import { kpiStanding, standingLabel } from './kpi-status.ts';

const higher = { direction: 'higher_is_better', target: 20, threshold: 5 } as const;
const lower = { direction: 'lower_is_better', target: 30, threshold: 42 } as const;

describe('kpiStanding', () => {
  it('reads higher-is-better KPIs upwards', () => {
    expect(kpiStanding(higher, 25)).toBe('on_target');
    expect(kpiStanding(higher, 20)).toBe('on_target');
    expect(kpiStanding(higher, 12)).toBe('short_of_target');
    expect(kpiStanding(higher, 5)).toBe('short_of_target');
    expect(kpiStanding(higher, 4.9)).toBe('past_threshold');
  });

  it('reads lower-is-better KPIs downwards', () => {
    expect(kpiStanding(lower, 28)).toBe('on_target');
    expect(kpiStanding(lower, 35)).toBe('short_of_target');
    expect(kpiStanding(lower, 42)).toBe('short_of_target');
    expect(kpiStanding(lower, 50)).toBe('past_threshold');
  });

  it('warns past a threshold even without a target', () => {
    expect(kpiStanding({ ...higher, target: null }, 3)).toBe('past_threshold');
    expect(kpiStanding({ ...higher, target: null }, 10)).toBe('no_target');
    expect(kpiStanding({ ...lower, threshold: null }, 99)).toBe('short_of_target');
  });
});

describe('standingLabel', () => {
  it('says which side is bad for the direction', () => {
    expect(standingLabel('short_of_target', 'higher_is_better')).toBe('Below target');
    expect(standingLabel('past_threshold', 'higher_is_better')).toBe('Below warning threshold');
    expect(standingLabel('past_threshold', 'lower_is_better')).toBe('Above warning threshold');
    expect(standingLabel('on_target', 'lower_is_better')).toBe('On target');
  });
});
