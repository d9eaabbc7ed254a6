import { findSessions, findToken, type Db, type SessionRecord } from '@throughline/db';
import type { SessionActor, TokenActor } from '@throughline/domain';

/**
 * How long this process answers for a session or an API token without asking the database
 * again. This is the staleness bound across processes: a sign-out, password reset, role change,
 * member removal or token revocation made by another API process (several may share one
 * PostgreSQL) is refused here at most this long after it committed. In this process it is
 * refused at once: the code that makes those changes forgets what they touch.
 */
export const CREDENTIAL_CACHE_TTL_MS = 5_000;
/** Enough for every live session of a large organisation; past it the oldest are dropped. */
const MAX_ENTRIES = 10_000;

type Entry =
  | { kind: 'session'; actor: SessionActor; until: number; refreshAt: number }
  | { kind: 'token'; actor: TokenActor; until: number; refreshAt: number };

/**
 * Who a session cookie or API token belongs to, remembered for CREDENTIAL_CACHE_TTL_MS, so an
 * authenticated read asks the database for its answer only, not again for its caller. Keyed by
 * the secret's hash; unknown secrets are never remembered, so guessing cannot fill it. An entry
 * never outlives its session's or token's own expiry, nor the idle timeout; a session still
 * records being seen (once a minute), late by at most the TTL.
 *
 * An entry past half its TTL is read again in the background while it keeps answering, so a
 * caller who keeps calling never waits for the database (fifty people whose entries were read
 * together would otherwise all wait together, every TTL); one read per secret is in flight at a
 * time. Sessions asked for in the same turn of the event loop (fifty people opening the app at
 * once) are read in one statement.
 */
export interface CredentialCache {
  session(db: Db, tokenHash: string, now: Date, idleTimeoutMs: number): Promise<SessionActor | undefined>;
  token(db: Db, tokenHash: string, now: Date): Promise<TokenActor | undefined>;
  /** A session signed out or replaced. */
  forgetSession(tokenHash: string): void;
  /** A member's role changed or the member was removed: every session they hold in the organisation. */
  forgetMember(organisationId: string, userId: string): void;
  /** A user's password was reset: every session they hold anywhere. */
  forgetUser(userId: string): void;
  forgetToken(tokenId: string): void;
}

export function createCredentialCache(ttlMs = CREDENTIAL_CACHE_TTL_MS): CredentialCache {
  const entries = new Map<string, Entry>();
  // Bumped by every forget: a lookup that was already reading the database when something was
  // forgotten may have read it before that change committed, so it does not store what it read.
  let generation = 0;

  const reading = new Map<string, Promise<unknown>>();
  const readSession = sessionBatcher();

  const fresh = (key: string, now: Date): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.until > now.getTime()) return entry;
    if (entry) entries.delete(key);
    return undefined;
  };
  /** One read per key at a time; a background read's failure is the next caller's to meet. */
  const readOnce = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const inFlight = reading.get(key) as Promise<T> | undefined;
    if (inFlight) return inFlight;
    const started = read().finally(() => reading.delete(key));
    reading.set(key, started);
    return started;
  };
  const store = (key: string, entry: Entry, readIn: number) => {
    if (readIn !== generation || ttlMs <= 0) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
  };
  const forgetWhere = (match: (entry: Entry) => boolean) => {
    generation++;
    // A read already in flight may predate the change: nobody joins it from here on.
    reading.clear();
    for (const [key, entry] of entries) if (match(entry)) entries.delete(key);
  };

  return {
    async session(db, tokenHash, now, idleTimeoutMs) {
      const key = `session:${tokenHash}`;
      const read = () =>
        readOnce(key, async () => {
          const readIn = generation;
          const found = await readSession(db, tokenHash, now, idleTimeoutMs);
          if (!found) {
            entries.delete(key);
            return undefined;
          }
          const until = Math.min(now.getTime() + ttlMs, found.expiresAt.getTime(), found.seenAt.getTime() + idleTimeoutMs);
          store(key, { kind: 'session', actor: found.actor, until, refreshAt: now.getTime() + ttlMs / 2 }, readIn);
          return found.actor;
        });
      const hit = fresh(key, now);
      if (hit?.kind !== 'session') return read();
      if (hit.refreshAt <= now.getTime()) read().catch(() => {});
      return hit.actor;
    },
    async token(db, tokenHash, now) {
      const key = `token:${tokenHash}`;
      const read = () =>
        readOnce(key, async () => {
          const readIn = generation;
          const found = await findToken(db, tokenHash, now);
          if (!found) {
            entries.delete(key);
            return undefined;
          }
          const until = Math.min(now.getTime() + ttlMs, found.expiresAt?.getTime() ?? Infinity);
          store(key, { kind: 'token', actor: found.actor, until, refreshAt: now.getTime() + ttlMs / 2 }, readIn);
          return found.actor;
        });
      const hit = fresh(key, now);
      if (hit?.kind !== 'token') return read();
      if (hit.refreshAt <= now.getTime()) read().catch(() => {});
      return hit.actor;
    },
    forgetSession(tokenHash) {
      generation++;
      reading.clear();
      entries.delete(`session:${tokenHash}`);
    },
    forgetMember(organisationId, userId) {
      forgetWhere((e) => e.kind === 'session' && e.actor.userId === userId && e.actor.organisationId === organisationId);
    },
    forgetUser(userId) {
      forgetWhere((e) => e.kind === 'session' && e.actor.userId === userId);
    },
    forgetToken(tokenId) {
      forgetWhere((e) => e.kind === 'token' && e.actor.tokenId === tokenId);
    },
  };
}

interface SessionAsked {
  db: Db;
  tokenHash: string;
  now: Date;
  idleTimeoutMs: number;
  settle: { resolve: (found: SessionRecord | undefined) => void; reject: (error: unknown) => void };
}

/**
 * findSession, with the lookups asked for in one turn of the event loop read together: one
 * statement per database and idle timeout, as of the latest clock among them.
 */
function sessionBatcher() {
  let asked: SessionAsked[] = [];
  const flush = () => {
    const batch = asked;
    asked = [];
    const groups = new Map<Db, Map<number, SessionAsked[]>>();
    for (const a of batch) {
      const byIdle = groups.get(a.db) ?? new Map<number, SessionAsked[]>();
      groups.set(a.db, byIdle);
      const group = byIdle.get(a.idleTimeoutMs) ?? [];
      byIdle.set(a.idleTimeoutMs, group);
      group.push(a);
    }
    for (const [db, byIdle] of groups)
      for (const [idleTimeoutMs, group] of byIdle) {
        const now = new Date(Math.max(...group.map((a) => a.now.getTime())));
        findSessions(
          db,
          group.map((a) => a.tokenHash),
          now,
          idleTimeoutMs,
        ).then(
          (found) => group.forEach((a) => a.settle.resolve(found.get(a.tokenHash))),
          (error: unknown) => group.forEach((a) => a.settle.reject(error)),
        );
      }
  };
  return (db: Db, tokenHash: string, now: Date, idleTimeoutMs: number) =>
    new Promise<SessionRecord | undefined>((resolve, reject) => {
      if (asked.length === 0) setImmediate(flush);
      asked.push({ db, tokenHash, now, idleTimeoutMs, settle: { resolve, reject } });
    });
}
