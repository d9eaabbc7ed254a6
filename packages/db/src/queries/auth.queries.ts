import { sql } from 'kysely';
import type { SessionActor } from '@throughline/domain';
import type { Db } from '../database.ts';

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name as displayName', 'password_hash as passwordHash'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The organisations a user belongs to, oldest membership first. */
export async function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom('member')
    .innerJoin('organisation', 'organisation.id', 'member.organisation_id')
    .select(['organisation.id as organisationId', 'organisation.name as organisationName', 'member.role'])
    .where('member.user_id', '=', userId)
    .orderBy('member.created_at')
    .execute();
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; organisationId: string; now: Date; expiresAt: Date },
): Promise<void> {
  // last_seen_at from the caller's clock, the same one the idle check reads.
  await db
    .insertInto('session')
    .values({ token_hash: s.tokenHash, user_id: s.userId, organisation_id: s.organisationId, last_seen_at: s.now, expires_at: s.expiresAt })
    .execute();
}

/** How often a session in use records that it was seen. */
export const SESSION_TOUCH_MS = 60_000;

/** A live session: who holds it, when it ends in any case, and when it was last recorded as seen. */
export interface SessionRecord {
  actor: SessionActor;
  expiresAt: Date;
  seenAt: Date;
}

/**
 * The live session behind a token hash, or undefined when the session is unknown, expired, idle
 * too long, or its user is no longer a member. Touches last_seen_at so idle time restarts, at
 * most once a minute (or a quarter of the idle timeout, if shorter): a read stays a read, and the
 * session still never idles out while it is used.
 */
export async function findSession(db: Db, tokenHash: string, now: Date, idleTimeoutMs: number): Promise<SessionRecord | undefined> {
  return (await findSessions(db, [tokenHash], now, idleTimeoutMs)).get(tokenHash);
}

/**
 * The live sessions behind several token hashes (see findSession), by hash, in one statement
 * and at most one more to touch those due: how fifty people opening the app at once are
 * authenticated. A hash with no live session is absent from the map.
 */
export async function findSessions(
  db: Db,
  tokenHashes: readonly string[],
  now: Date,
  idleTimeoutMs: number,
): Promise<Map<string, SessionRecord>> {
  const found = new Map<string, SessionRecord>();
  if (tokenHashes.length === 0) return found;
  const rows = await db
    .selectFrom('session')
    .innerJoin('member', (j) =>
      j.onRef('member.user_id', '=', 'session.user_id').onRef('member.organisation_id', '=', 'session.organisation_id'),
    )
    .innerJoin('organisation', 'organisation.id', 'session.organisation_id')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.token_hash as tokenHash',
      'session.user_id as userId',
      'session.organisation_id as organisationId',
      'session.last_seen_at as lastSeenAt',
      'session.expires_at as expiresAt',
      'organisation.name as organisationName',
      'member.role',
      'app_user.email',
      'app_user.display_name as displayName',
    ])
    .where('session.token_hash', 'in', [...new Set(tokenHashes)])
    .where('session.expires_at', '>', now)
    .execute();
  const touch: string[] = [];
  for (const row of rows) {
    const idleFor = now.getTime() - row.lastSeenAt.getTime();
    if (idleFor > idleTimeoutMs) continue;
    const due = idleFor >= Math.min(SESSION_TOUCH_MS, idleTimeoutMs / 4);
    if (due) touch.push(row.tokenHash);
    found.set(row.tokenHash, {
      actor: {
        kind: 'member',
        userId: row.userId,
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        role: row.role,
        email: row.email,
        displayName: row.displayName,
      },
      expiresAt: row.expiresAt,
      seenAt: due ? now : row.lastSeenAt,
    });
  }
  if (touch.length > 0) {
    // Best effort: a touch that fails (a deadlock with a sign-out deleting the same rows, a cut
    // connection) leaves the sessions as last recorded, and every lookup still gets its answer.
    const touched = await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('token_hash', 'in', touch)
      .execute()
      .then(
        () => true,
        () => false,
      );
    if (!touched) for (const row of rows) if (touch.includes(row.tokenHash)) found.get(row.tokenHash)!.seenAt = row.lastSeenAt;
  }
  return found;
}

/** The member behind a live session (see findSession). */
export async function findSessionActor(db: Db, tokenHash: string, now: Date, idleTimeoutMs: number): Promise<SessionActor | undefined> {
  return (await findSession(db, tokenHash, now, idleTimeoutMs))?.actor;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}
