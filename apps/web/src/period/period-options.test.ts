import { describe, expect, it } from 'vitest';
import { periodOptions } from './period-options.ts';

describe('periodOptions', () => {
  it('offers the running period first, marked, then complete ones by their labels', () => {
    const months = periodOptions('month', '2026-12-02');
    expect(months.slice(0, 3)).toEqual([
      { value: '2026-12-01', label: 'Dec 2026 (to date)' },
      { value: '2026-11-01', label: 'Nov 2026' },
      { value: '2026-10-01', label: 'Oct 2026' },
    ]);
    expect(months).toHaveLength(24);
  });

  it('labels weeks as weeks', () => {
    expect(periodOptions('week', '2026-12-02')[1]).toEqual({ value: '2026-11-23', label: 'week of 23 Nov 2026' });
  });
});
