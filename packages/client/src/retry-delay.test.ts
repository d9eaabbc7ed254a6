import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from './retry-delay.ts';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads whole seconds', () => {
    expect(retryAfterMs('1', now)).toBe(1000);
    expect(retryAfterMs(' 30 ', now)).toBe(30_000);
    expect(retryAfterMs('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time until then, never negative', () => {
    expect(retryAfterMs('Sun, 01 Mar 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Sun, 01 Mar 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-3', now)).toBeUndefined();
    expect(retryAfterMs('1.5', now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles its ceiling per retry, waits at least half of it, and stops at the cap', () => {
    expect([0, 1, 2, 3].map((r) => backoffMs(r, 100, 1000, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((r) => backoffMs(r, 100, 1000, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
  });
});
