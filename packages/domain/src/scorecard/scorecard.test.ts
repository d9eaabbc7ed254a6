import { describe, expect, it } from 'vitest';
import { valueAtStake } from './scorecard.ts';

describe('value at stake', () => {
  it('prices the gap to target in the better direction', () => {
    // NPS 22 against a target of 30 at £18,500 a point: 8 × 18,500 = £148,000
    expect(valueAtStake(22, 30, 'higher_is_better', 18_500)).toBe(148_000);
    // Hours to settle 41.5 against 36, lower is better, £2,400 an hour: 5.5 × 2,400 = £13,200
    expect(valueAtStake(41.5, 36, 'lower_is_better', 2_400)).toBe(13_200);
  });
  it('is nothing once the target is met, and unknown without a price', () => {
    expect(valueAtStake(35, 30, 'higher_is_better', 18_500)).toBe(0);
    expect(valueAtStake(22, 30, 'higher_is_better', null)).toBeNull();
    expect(valueAtStake(null, 30, 'higher_is_better', 1)).toBeNull();
  });
});
