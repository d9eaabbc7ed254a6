import { describe, expect, it } from 'vitest';
import { isDefaultPeriod, periodParamsOf, periodQuery, withPeriodParams } from './period-params.ts';

describe('period params in the address', () => {
  it('reads a period, a range, or the default', () => {
    expect(periodParamsOf(new URLSearchParams('period=2026-10-14'))).toEqual({ period: '2026-10-14' });
    expect(periodParamsOf(new URLSearchParams('from=2026-09-01&to=2026-11-30&journey=j'))).toEqual({
      from: '2026-09-01',
      to: '2026-11-30',
    });
    expect(periodParamsOf(new URLSearchParams('journey=j'))).toEqual({});
  });

  it('falls back to the default on an address that does not parse', () => {
    expect(periodParamsOf(new URLSearchParams('period=yesterday'))).toEqual({});
    expect(periodParamsOf(new URLSearchParams('from=2026-11-30&to=2026-09-01'))).toEqual({});
    expect(periodParamsOf(new URLSearchParams('from=2026-11-30'))).toEqual({});
    expect(periodParamsOf(new URLSearchParams('period=2026-10-01&from=2026-09-01&to=2026-09-30'))).toEqual({});
  });

  it('writes the choice and keeps the filters', () => {
    const before = new URLSearchParams('journey=j&period=2026-10-01');
    expect(withPeriodParams(before, { from: '2026-09-01', to: '2026-09-30' }).toString()).toBe('journey=j&from=2026-09-01&to=2026-09-30');
    expect(withPeriodParams(before, {}).toString()).toBe('journey=j');
  });

  it('gives the exports the same choice', () => {
    expect(periodQuery({})).toBe('');
    expect(periodQuery({ period: '2026-10-01' })).toBe('?period=2026-10-01');
    expect(isDefaultPeriod({})).toBe(true);
    expect(isDefaultPeriod({ period: '2026-10-01' })).toBe(false);
  });
});
