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
    expect(outcomeStatus(nps, 30, '2026-06-01', '2026-01-01')).toBe('achieved');
    expect(outcomeStatus({ ...nps, baseline: 48, target: 36, direction: 'lower_is_better' }, 35, '2026-06-01', '2026-01-01')).toBe('achieved');
  });
  it('is on track when it has covered its share of the way for the time elapsed', () => {
    // Half the year gone (181 of 365 days ≈ 0.496): needs 10 + 20 × 0.496 ≈ 19.9
    expect(outcomeStatus(nps, 20, '2026-07-01', '2026-01-01')).toBe('on_track');
    expect(outcomeStatus(nps, 19, '2026-07-01', '2026-01-01')).toBe('behind');
  });
  it('says when there is nothing to measure', () => {
    expect(outcomeStatus(nps, null, '2026-07-01', '2026-01-01')).toBe('no_data');
  });
});
