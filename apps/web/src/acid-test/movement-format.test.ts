import { describe, expect, it } from 'vitest';
import { formatDifference, formatDifferenceInterval, formatPValue } from './movement-format.ts';

describe('movement formatting', () => {
  it('gives a difference its sign and the unit movements are counted in', () => {
    expect(formatDifference('nps', 'NPS', 8.24)).toBe('+8.2 points');
    expect(formatDifference('csat', '% top-2-box', -1.04)).toBe('-1.0 percentage points');
    expect(formatDifference('ces', 'mean 1–7', 0.123)).toBe('+0.12 on the 1–7 scale');
    expect(formatDifference('mean', 'hours', 0)).toBe('0.0 hours');
  });

  it('writes the interval and the p-value', () => {
    expect(formatDifferenceInterval('nps', 3.14, 13.3)).toBe('+3.1 to +13.3');
    expect(formatDifferenceInterval('csat', -4.2, 2.5)).toBe('-4.2 to +2.5');
    expect(formatPValue(0.0021)).toBe('p = 0.002');
    expect(formatPValue(0.0004)).toBe('p < 0.001');
    expect(formatPValue(0.48)).toBe('p = 0.480');
  });
});
