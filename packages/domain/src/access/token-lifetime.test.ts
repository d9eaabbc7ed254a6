import { describe, expect, it } from 'vitest';
import { latestTokenExpiry, tokenLifetimeIssue } from './token-lifetime.ts';

describe('the longest token lifetime', () => {
  it('allows anything when the organisation sets none', () => {
    expect(tokenLifetimeIssue(null, null)).toBeNull();
    expect(tokenLifetimeIssue(730, null)).toBeNull();
  });

  it('refuses a token that never expires, or expires later than allowed', () => {
    expect(tokenLifetimeIssue(null, 90)).toMatch(/must be set.*90 days/);
    expect(tokenLifetimeIssue(91, 90)).toMatch(/at most 90 days/);
    expect(tokenLifetimeIssue(90, 90)).toBeNull();
  });

  it('lets a token already out live the full allowance from when the limit is set', () => {
    expect(latestTokenExpiry(30, new Date('2026-12-01T00:00:00Z'))).toEqual(new Date('2026-12-31T00:00:00Z'));
  });
});
