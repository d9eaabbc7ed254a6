/**
 * Sign-in lockout: failed sign-ins are counted per account (per email, known or not, so a lock
 * never tells who has an account) until one succeeds. The fifth failure in a row locks the
 * account for a minute; each further failure, once the lock has run out, locks it again for
 * twice as long as the last time, up to an hour. While locked, even the right password is
 * refused. A day without a failure starts the count again; a password reset clears it.
 */
export const LOCKOUT_AFTER_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 60_000;
export const LONGEST_LOCKOUT_MS = 60 * 60_000;
/** How long a run of failures is remembered without a new one. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/** How long the account is locked after its `failures`-th failure in a row; 0 when it is not. */
export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT_AFTER_FAILURES) return 0;
  // 2^(failures - 5) minutes; the cap is reached at the eleventh failure, so no huge powers.
  const doublings = Math.min(failures - LOCKOUT_AFTER_FAILURES, 16);
  return Math.min(FIRST_LOCKOUT_MS * 2 ** doublings, LONGEST_LOCKOUT_MS);
}

/** What the person trying to sign in is told while the account is locked. */
export function lockedMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  const at = lockedUntil.toISOString().slice(11, 16);
  return `Too many failed sign-ins for this account: it is locked until ${at} UTC. Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, or reset your password.`;
}
