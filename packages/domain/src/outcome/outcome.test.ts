import { describe, expect, it } from 'vitest';
import { outcomeLimitReason, outcomeStatus } from './outcome.schema.ts';

describe('outcomes per journey', () => {
  it('leaves room up to five and refuses a sixth with a reason', () => {
    expect(outcomeLimitReason(0)).toBeNull();
    expect(outcomeLimitReason(4)).toBeNull();
    expect(outcomeLimitReason(5)).toMatch(/at most 5 targeted outcomes, and this one has 5/);
  });
});

describe('outcome status', () => {
  const nps = { baseline: 10, target: 30, byDate: '2027-01-01', direction: 'higher_is_better' as const };
  it('is achieved at or beyond the target', () => {
    expect(outcomeStatus(nps, { value: 30, n: 400 }, '2026-06-01', '2026-01-01')).toBe('achieved');
    expect(
      outcomeStatus({ ...nps, baseline: 48, target: 36, direction: 'lower_is_better' }, { value: 35, n: 400 }, '2026-06-01', '2026-01-01'),
    ).toBe('achieved');
  });
  it('is on track when it has covered its share of the way for the time elapsed', () => {
    // Half the year gone (181 of 365 days ≈ 0.496): needs 10 + 20 × 0.496 ≈ 19.9
    expect(outcomeStatus(nps, { value: 20, n: 400 }, '2026-07-01', '2026-01-01')).toBe('on_track');
    expect(outcomeStatus(nps, { value: 19, n: 400 }, '2026-07-01', '2026-01-01')).toBe('behind');
  });
  it('makes no claim below the KPI’s minimum sample', () => {
    const kpi = { kind: 'nps' as const, minSample: 30 };
    expect(outcomeStatus(nps, { value: 90, n: 6 }, '2026-07-01', '2026-01-01', kpi)).toBe('too_few');
    expect(outcomeStatus(nps, { value: 90, n: 30 }, '2026-07-01', '2026-01-01', kpi)).toBe('achieved');
  });
  it('says when there is nothing to measure', () => {
    expect(outcomeStatus(nps, null, '2026-07-01', '2026-01-01')).toBe('no_data');
  });
});
