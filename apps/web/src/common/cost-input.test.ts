import { describe, expect, it } from 'vitest';
import { parseCost } from './cost-input.ts';

describe('reading a typed cost', () => {
  it('accepts pounds with or without the sign, thousands separators and pence', () => {
    expect(parseCost('5,000,000')).toBe(5_000_000);
    expect(parseCost(' £12,500.50 ')).toBe(12_500.5);
    expect(parseCost('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const typed of ['', 'abc', '-10', '1.234', '£', '5k']) expect(parseCost(typed)).toBeNull();
  });
});
