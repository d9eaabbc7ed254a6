import { z } from 'zod';

/** The longest expiry a token may be given at all, and so the most an organisation may allow. */
export const MAX_TOKEN_LIFETIME_DAYS = 730;
export const ZTokenLifetimeDays = z.number().int().min(1).max(MAX_TOKEN_LIFETIME_DAYS);

/**
 * Why a new token's expiry breaks the organisation's longest lifetime (null: no limit), or null
 * when it does not. `expiresInDays` null is a token that never expires.
 */
export function tokenLifetimeIssue(expiresInDays: number | null, maxDays: number | null): string | null {
  if (maxDays === null) return null;
  if (expiresInDays === null) return `must be set: this organisation's tokens expire within ${maxDays} days`;
  if (expiresInDays > maxDays) return `must be at most ${maxDays} days, this organisation's longest token lifetime`;
  return null;
}

/**
 * The latest a live token may expire once the organisation sets a longest lifetime of `maxDays`:
 * counted from when the limit is set, so tokens already out get the full allowance, not none.
 */
export function latestTokenExpiry(maxDays: number, now: Date): Date {
  return new Date(now.getTime() + maxDays * 86_400_000);
}
