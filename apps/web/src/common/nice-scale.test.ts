import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-scale.ts';

describe('nice ticks', () => {
  it('rounds an axis to steps people read easily', () => {
    expect(niceTicks(79.04, 83.45)).toEqual([78, 80, 82, 84]);
    expect(niceTicks(8.96, 21.83)).toEqual([5, 10, 15, 20, 25]);
    expect(niceTicks(5.09, 5.53)).toEqual([5, 5.2, 5.4, 5.6]);
    expect(niceTicks(-3.4, 1.4)).toEqual([-4, -2, 0, 2]);
  });

  it('copes with a single value', () => {
    expect(niceTicks(40, 40)).toEqual([38, 40, 42]);
  });
});
