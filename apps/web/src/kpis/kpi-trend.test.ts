import { describe, expect, it } from 'vitest';
import { describeTrend } from './kpi-trend.ts';

const format = (v: number) => v.toFixed(1);

describe('describeTrend', () => {
  it('summarises start, end, low and high', () => {
    const points = [
      { label: 'Jan', value: 10 },
      { label: 'Feb', value: 4 },
      { label: 'Mar', value: 18 },
      { label: 'Apr', value: 15 },
    ];
    expect(describeTrend(points, format)).toBe('4 values, rising from 10.0 in Jan to 15.0 in Apr; lowest 4.0 in Feb, highest 18.0 in Mar.');
  });

  it('handles no and one value', () => {
    expect(describeTrend([], format)).toBe('No values yet.');
    expect(describeTrend([{ label: 'Jan', value: 3 }], format)).toBe('One value so far: 3.0 in Jan.');
  });
});
