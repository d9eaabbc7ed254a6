import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** When the account behind `email` may next try to sign in, if it is locked now. */
export async function findSignInLock(db: Db, email: string, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_lockout')
    .select('locked_until')
    .where('email', '=', email.toLowerCase())
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/**
 * Counts a failed sign-in for `email`, in one statement so processes sharing the database count
 * every failure once, and locks the account for `lockFor(failures)` ms when that is above 0. A run
 * of failures older than `memoryMs` starts again at one. Returns the count and any new lock.
 */
export async function recordSignInFailure(
  db: Db,
  email: string,
  now: Date,
  memoryMs: number,
  lockFor: (failures: number) => number,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const forgetBefore = new Date(now.getTime() - memoryMs);
  const { failures } = await db
    .insertInto('sign_in_lockout')
    .values({ email: email.toLowerCase(), failures: 1, last_failed_at: now })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql`CASE WHEN sign_in_lockout.last_failed_at < ${forgetBefore} THEN 1 ELSE sign_in_lockout.failures + 1 END`,
        last_failed_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const ms = lockFor(failures);
  if (ms <= 0) return { failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + ms);
  await db.updateTable('sign_in_lockout').set({ locked_until: lockedUntil }).where('email', '=', email.toLowerCase()).execute();
  return { failures, lockedUntil };
}

/** A successful sign-in or password reset: the count starts again. */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_lockout').where('email', '=', email.toLowerCase()).execute();
}

/** A password reset proves the person holds the mailbox: their count starts again and any lock ends. */
export async function clearSignInFailuresOfUser(db: Db, userId: string): Promise<void> {
  await db
    .deleteFrom('sign_in_lockout')
    .where('email', '=', (eb) =>
      eb
        .selectFrom('app_user')
        .select(sql<string>`lower(email)`.as('email'))
        .where('id', '=', userId),
    )
    .execute();
}
