import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * Counts `count` hits (one unless a process sends several it has counted itself) against `key`
 * in the current fixed window, in the database so every API process shares the count. Returns
 * the window's count with them, whether it is within the limit and, if not, when to retry.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
  count = 1,
): Promise<{ allowed: boolean; retryAfterSeconds: number; hits: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, hits: count })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit.hits + ${count}` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: row.hits <= limit, retryAfterSeconds, hits: row.hits };
}

/** Drops windows that ended before `before`; run now and then so the table stays small. */
export async function pruneRateLimits(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit').where('window_start', '<', before).execute();
}
