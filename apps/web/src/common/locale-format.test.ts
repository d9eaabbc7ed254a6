import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatGbp, formatGbpInterval, plural } from './locale-format.ts';

describe('locale formatting', () => {
  it('shows money as whole pounds', () => {
    expect(formatGbp(2_400_000)).toBe('£2,400,000');
    expect(formatGbp(149_999.6)).toBe('£150,000');
    expect(formatGbpInterval(-62_400, 111_520.4)).toBe('95% CI -£62,400 to £111,520');
  });

  it('groups counts and chooses the plural', () => {
    expect(formatCount(44_277)).toBe('44,277');
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(18, 'step')).toBe('18 steps');
    expect(plural(2, 'policy', 'policies')).toBe('2 policies');
  });

  it('accepts the ISO strings the API sends for dates', () => {
    expect(formatDate('2026-11-25T12:00:00.000Z')).toBe('25 Nov 2026');
  });
});
