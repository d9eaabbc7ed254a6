import { describe, expect, it } from 'vitest';
import { LOCKOUT_AFTER_FAILURES, lockedMessage, lockoutMs } from './sign-in-lockout.ts';

describe('sign-in lockout', () => {
  it('does not lock before the fifth failure in a row', () => {
    for (let n = 0; n < LOCKOUT_AFTER_FAILURES; n++) expect(lockoutMs(n), `${n}`).toBe(0);
  });

  it('locks for a minute at the fifth, then twice as long each time, up to an hour', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12, 1_000].map((n) => lockoutMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('says until when, in UTC, and how long that is', () => {
    const now = new Date('2026-11-25T09:00:10Z');
    expect(lockedMessage(new Date('2026-11-25T09:01:10Z'), now)).toMatch(/locked until 09:01 UTC\. Try again in a minute/);
    expect(lockedMessage(new Date('2026-11-25T09:04:00Z'), now)).toMatch(/locked until 09:04 UTC\. Try again in 4 minutes/);
  });
});
